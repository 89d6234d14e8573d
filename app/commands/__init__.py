"""Sub-commands of `frontdesk`, one module each, found by ``app.cli``.

Each module defines ``register(sub)`` which adds its parser(s) to the
argparse sub-parsers and sets ``func=`` (a callable taking the parsed
arguments and returning the exit code). Command modules never import Qt.
"""
