"""Table models for the desk's views (QAbstractTableModel subclasses over app.views snapshots)."""
