<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
  <context>
    <name>AddStaffDialog</name>
    <message>
      <source>Add staff member</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Name:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Role:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;PIN (4–12 digits):</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>PIN &amp;again:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The two PINs differ. Type the same PIN twice.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ArrivalsModel</name>
    <message>
      <source>Room</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Table</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Time</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Party</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Guest</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Health</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Greeting cue</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Health information (with the guest's consent): {labels}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>AuditModel</name>
    <message>
      <source>#</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>When</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Staff</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Action</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Guest</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Details</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>AuditView</name>
    <message>
      <source>Audit log</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Verify again</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Everyone</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Every action</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>guest token</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Pick guest…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Dates</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Staff:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Action:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Guest:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No events match these filters.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source> (the newest; narrow the filters to see older ones)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{n} events shown</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>BackupDialog</name>
    <message>
      <source>The backup failed: {reason}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Backup</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Back up now</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Cancel backup</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;File:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Passphrase:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Passphrase &amp;again:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The backup is encrypted with this passphrase, so it can be restored on another computer. Keep the passphrase apart from the backup: without it the backup cannot be opened by anyone, including you.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Back up now</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Make a backup every &amp;day when Frontdesk starts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>kept in the keyring</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Save daily backup settings</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>never</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Last daily backup: {when}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>F&amp;older:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Keep the newest:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Pass&amp;phrase:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Daily backup</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>To restore a backup, close Frontdesk and run: frontdesk restore --from FILE. The backup is checked before anything is replaced, and the current store is kept beside it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save the backup as</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Frontdesk backups (*.fdbackup)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Folder for daily backups</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The two passphrases differ. Type the same passphrase twice.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Backing up… you can keep working in the main window.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Backup written to {path}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Daily backup is on: the newest {n} are kept in {folder}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Daily backup is off.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>DailyBackupRunner</name>
    <message>
      <source>Daily backup written to {path}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The daily backup failed: {why}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Desk</name>
    <message>
      <source>It judges a person rather than describing a wish</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The vocabulary already has a label for this</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A guest would not understand the wording</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>It does not help us serve the guest</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Another reason (say which in the note)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Recognition</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Appreciation</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Preference</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Guest control</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>how the guest likes to be recognised</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>what the guest appreciates</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>how to serve the guest</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>what the guest wants to decide themselves</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>receptionist</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>host</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>manager</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>the guest told us</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>we observed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The guest asked us to remove it</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>It is no longer true</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>It was added by mistake</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Consent was withdrawn</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The label was retired</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Its retention period ended</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Hotel stay</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Restaurant booking</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>expected</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>arrived</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>departed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>cancelled</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Lunch</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dinner</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>normal</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>health information (special category)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{name} (say {sound})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{name} — first visit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{n}th</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{name} — welcome back: {nth} {noun}, last in {when}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>stay</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>visit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>no consent on record</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>consent given {date}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Consent needed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>“{label}” is health information.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>We may only keep it with {name}'s explicit consent. Ask: “May we note this so we can take care of it on every visit? You can see it and have it removed at any time.”

Did the guest agree?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>We may only keep it with {name}'s explicit consent. Ask in {language}:

“{question}”

(In your words: “May we note this so we can take care of it on every visit? You can see it and have it removed at any time.”)

Did the guest agree?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Guest agrees — record consent</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Leave it off</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Withdraw consent</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Withdraw the guest's consent for health information?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{n} health label(s) will be removed from the card at once.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Withdraw consent</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Waiting for review</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Approved</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Rejected</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Approved, later retired</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>✖ Blocked</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>⚠ Warning</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>✓ Clean</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>DeskPage</name>
    <message>
      <source>Search guests by name, email or phone   (Ctrl+F)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Today's lists (Ctrl+T)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New guest (Ctrl+N)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{name} · {role}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Lock (Ctrl+L)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cannot open the card</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cannot show the card</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Not marked</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{name} marked as arrived — press Space again to undo</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{name} is expected again</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Guest created.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Guest details saved.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Visit recorded.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Label not added</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Label left off: no consent.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Consent needed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Label added: {label}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Label not removed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Label removed: {label}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Allergies, diets, mobility</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Consent not recorded</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Consent not withdrawn</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Consent withdrawn; {n} health label(s) removed.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>FirstRunPage</name>
    <message>
      <source>Welcome to Frontdesk</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This store has no staff yet. Create the first manager account: the manager adds the other staff and approves labels.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Create manager account</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Your name:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;PIN (4–12 digits):</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>PIN &amp;again:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The two PINs differ. Type the same PIN twice.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>GuestCardView</name>
    <message>
      <source>Mark &amp;arrived (Space)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Show &amp;guest (F9)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Edit details…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New booking or &amp;stay…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>← Bac&amp;k (Esc)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Label</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Added</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Basis</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Add label… (Ins)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Remove label… (Del)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Labels</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Visit history</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Record &amp;consent…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Withdraw consent…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Consents</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>speaks {language}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No stays or bookings yet.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Arrived ✓ — undo (Space)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No stay or booking for today</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>⚕ Health and safety — allergies, diets, mobility</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>    none recorded</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>    nothing recorded</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No labels yet. Press Ins to add one from the approved list.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Guest sees: “{text}”</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Purpose: {text}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Added by {who} ({role}) on {date} · {source} · kept until {until}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>given {date} by {who}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>withdrawn {date}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Health information (allergies, diets, mobility): {state}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No consents recorded.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>GuestDialog</name>
    <message>
      <source>New guest</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Edit guest</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Only what the guest tells us about themselves. Preferences go on the card as labels.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>what the guest likes to be called</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>e.g. TOH-mah-sen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Full name:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Preferred name:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Pro&amp;nunciation:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Language:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>E&amp;mail:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>P&amp;hone:</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>GuestPickDialog</name>
    <message>
      <source>Pick a guest</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Type a name…</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>GuestPreview</name>
    <message>
      <source>The guest reads, in {language}:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Why we keep it: {purpose}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No {language} wording yet: this guest would read the {used} text above.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ImportWizard</name>
    <message>
      <source>Language</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>(not imported)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>First name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Name prefix (van, de)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Last name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Preferred name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Email</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Phone</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Arrival</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Departure</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Date</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Time</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Room</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Table</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Party size</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stay or booking</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Service</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>line {line}, column '{column}'</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>line {line}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>'{value}' is not a date</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>'{value}' is not a time of day</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>'{value}' is not a number</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>'{value}' is out of range</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>the guest's name is empty</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>the date is empty</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>a restaurant booking needs a time</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>'{value}' is before the arrival</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>'{value}' is neither a stay nor a booking</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>'{value}' is neither lunch nor dinner</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>'{value}' is too long</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>the line has more fields than the header</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>'{value}' is not an email address</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>'{value}' is not a phone number (digits, spaces and + ( ) . / - only)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>'{value}' is not valid: {detail}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The import failed: {reason}. Nothing was imported.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose the export</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A CSV file from your booking system or spreadsheet: comma, semicolon or tab separated, in any common encoding.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Path of the CSV file</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Choose file…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nothing is written until you confirm the preview. Columns with remarks or notes are never imported.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>CSV files (*.csv *.txt *.tsv);;All files (*)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Check the columns</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Frontdesk guessed what each column holds. Correct any guess; the choice is remembered for files with the same columns.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Column in the file</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Example</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Imports as</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Remember these columns for files like this one</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reading the file…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Columns as you set them last time for this layout.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Columns guessed from the header row.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{rows} rows.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>skipped: free text is never imported</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Preview</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nothing has been written yet. Rows with errors are left out; correct them in the file and import it again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Import</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Line</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Guest</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Rows with errors</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Rows to import</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Checking every row and looking for known guests…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New guests: {n}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Matched guests (same email, or same name and phone): {n}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Visits to add: {n}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Rows with errors (not imported): {n}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Visits already in the store (skipped): {n}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>… and {n} more</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>None</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>known guest</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>new guest</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Column '{column}' skipped: free text is never imported</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Column '{column}' not imported</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{n} rows: language '{language}' is not offered, English is used</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Importing</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Importing… Cancel undoes everything.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancelled: nothing was imported.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Imported {new} new guests and {visits} visits; {matched} guests were already known.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Import arrivals</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Next &gt;</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&lt; &amp;Back</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Finish</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancelling… nothing will be imported.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Imported {new} new guests and {visits} visits.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>KeyringTroubleDialog</name>
    <message>
      <source>The keyring is locked</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The keyring does not have this store's key</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No keyring is available</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The recovery passphrase did not work</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Frontdesk keeps the key to its encrypted store in this computer's keyring, and the keyring is locked or refused to hand it out. Unlock it (sign in to the desktop again, or enter the keyring password when asked) and choose Retry.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The keyring has no key for this store. Perhaps the store was copied from another computer, or the keyring was reset.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No safe keyring is running on this computer, so Frontdesk cannot get the key to its encrypted store. Start one (on Debian: install gnome-keyring and sign in again) and choose Retry.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Frontdesk cannot get its key</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your guests' data stays encrypted and closed without its key; there is no way around that. You can also use the recovery passphrase that was shown once when this store was set up.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Retry</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Use r&amp;ecovery passphrase…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Type the recovery passphrase (six groups of four letters and digits; case and dashes do not matter). Frontdesk will put the key back in the keyring when it can, so the next start is normal.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Open the store</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Back</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>LabelPicker</name>
    <message>
      <source>Add a label</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Type to filter approved labels</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>All categories</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Find:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ca&amp;tegory:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Labels unavailable</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The guest reads:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Purpose:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The guest &amp;told us</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>We &amp;observed it</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Source:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Add label</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Propose a new label…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nothing fits?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No approved label matches.
Propose a new label if nothing fits.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{category} · kept for {days} days</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>⚕ Health information: only with the guest's explicit consent</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Proposal sent</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Thank you. A manager will review the new label. The guest is not labelled until it is approved — add it from this list then.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>LabelsModel</name>
    <message>
      <source>Label</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Category</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Health information: needs the guest's explicit consent</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Language</name>
    <message>
      <source>&amp;Help</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Language</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Language</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Frontdesk will use {language} the next time it starts.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Frontdesk</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Opening the store…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Desk</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Search guests</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;New guest…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Today</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>My &amp;proposals…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Import arrivals…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Lock</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sign &amp;out</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Guest</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>S&amp;how guest</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Add label…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Edit details…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New &amp;booking or stay…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Manager</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Staff…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Review proposals…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Vocabulary…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Audit log…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Backup…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Help</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Keyboard shortcuts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Manager ({n})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Review proposals… ({n} waiting)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Store: {label}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Not signed in</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Locked</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Signed in: {name} ({role})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source> — locked</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Open a guest card first (Ctrl+F).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ctrl+F  search guests (↑↓ choose, Enter opens, Esc clears)
Enter  open the highlighted guest
Space or A  mark the highlighted arrival as arrived
Esc  back from the guest card
Ins / Del  add / remove a label on the card
F9  show the guest everything we keep about them
Ctrl+N  new guest · Ctrl+E  edit details · Ctrl+B  new booking or stay
Ctrl+I  import arrivals from a CSV export
Ctrl+L  lock the desk</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Quit the demo</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This is a throw-away demo store: quitting deletes it, with everything recorded in it. Quit?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The guest was erased.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>MyProposalsDialog</name>
    <message>
      <source>My proposals</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Labels you proposed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Propose a new label…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Close</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>You have not proposed any labels yet.
When no approved label fits, propose one here or from the label picker.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A manager has not reviewed it yet.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Approved by {who}: add it from the label picker.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Rejected by {who}: {why}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>It was approved and has since been retired.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>MyProposalsModel</name>
    <message>
      <source>Status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Staff wording</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Proposed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Manager's reason</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ProposalDetail</name>
    <message>
      <source>Category</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sensitivity</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kept for</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Proposed by</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>⚕ Health information — only with the guest's explicit consent</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>What the guest will see</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>I have read this &amp;warning</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{days} days after it is added</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{who}, {when}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>unknown</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>✖ Cannot be approved</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>⚠ Read the warning before approving</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>✓ The wording checks found nothing</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>staff wording</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>guest wording</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>purpose</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Warning: </source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No judgement, health or vague words were found.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ProposalDialog</name>
    <message>
      <source>Propose a new label</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Edit and approve a proposal</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reword a label</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Write it as you would say it to the guest: what they told us or asked for, never a judgement. A manager reviews it before anyone can use it, and the guest can always read it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your edit replaces the proposal. The wording checks run again before it is approved.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Guests who carry this label will see the new wording at once.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{language} — required</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{language} — optional</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The guest reads:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Why we keep it:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>You prefer a quiet table.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>U zit liever aan een rustige tafel.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>So we can seat you where you like.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zodat we u plaatsen waar u graag zit.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Health information (special category)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>allergies, medical diets, mobility, hearing, sight — used only with the guest's explicit consent</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source> days</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Category:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Staff wording:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Keep for:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>after it is added to a guest</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>I have &amp;read the warnings and the wording is right for the guest</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Send &amp;proposal</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Approve edited label</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save &amp;wording</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{words}: this is health information. Tick “Health information” above to send it as a special-category label, or reword it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This wording cannot be sent: it judges a person. Change the marked words; the reason is under each field.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Allowed, with a warning: a manager will look at the marked words again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>✓ The wording checks found nothing.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>QMessageBox</name>
    <message>
      <source>Your recovery passphrase</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Write this recovery passphrase down and lock it away. It is shown only this once.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>If this computer's keyring is ever locked or lost, it opens the store. Without it (or a backup and its passphrase) nobody can open the store.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>QuitDialog</name>
    <message>
      <source>Quit Frontdesk</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The desk is locked. To quit, {name} or a manager types their PIN.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Name:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;PIN:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose your name first.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>RejectDialog</name>
    <message>
      <source>Reject a proposal</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reject “{wording}”?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Why? The proposer will see this.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Optional: about the wording only, never about a guest</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Note:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Re&amp;ject proposal</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>RemovalDialog</name>
    <message>
      <source>Remove label</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Remove “{label}”?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Why is it removed?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Remove label</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Retention</name>
    <message>
      <source>Email</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Guest</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The guest has a booking or stay coming up</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The guest asked us to keep their details</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>We must keep the record for a legal reason (invoice, claim)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The guest visits our other venue or was seen recently</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Erase a guest</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Erase {name} completely? Their details, labels, visits and consents are deleted at once and cannot be restored. The audit log keeps only an anonymous token.

Type your PIN to confirm.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Erase everything</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Retention review</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Guests not seen for</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source> months</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Apply</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>These guests have not visited for the retention period. Erase each one, or keep them with a reason: a kept guest comes back to this list after another period.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Last seen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nobody is due for review.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Keep, because:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Keep</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Erase…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kept {name}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Erased {name}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Re&amp;tention…</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>RetentionDialog</name>
    <message>
      <source>Change retention</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source> days</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Now kept for {old} days. {n} guest(s) carry it: their labels will expire the new number of days after each was added — a shorter period can end some at once.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Keep for:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Change retention</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>RetireDialog</name>
    <message>
      <source>Retire a label</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Retire “{w}”?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nobody can add it to a guest any more. {n} guest(s) carry it now. What happens to theirs?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Take it off all {n} guest(s) now</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Leave it on until each one expires (after {days} days)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Retire label</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ReviewModel</name>
    <message>
      <source>Check</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Staff wording</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Proposed by</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ReviewQueueDialog</name>
    <message>
      <source>Review proposed labels</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Approve</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Edit and approve…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Reject…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Close</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Review proposed labels — {n} waiting</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No proposals are waiting.
Staff propose new labels from the label picker.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nothing to review.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Approve is off: the wording checks block this proposal. Edit the wording, or reject it with a reason.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tick “I have read this warning” to approve.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Not approved</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Approved “{w}”: staff can add it from the label picker now.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Edited and approved “{w}”.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Not rejected</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Rejected “{w}”. The proposer sees your reason.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>SearchResults</name>
    <message>
      <source>Searching…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Type part of a name, an email address or a phone number.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{n} guests shown · ↑↓ choose · Enter opens · Esc clears</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>1 guest · Enter opens · Esc clears</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No guest matches what you typed.
Check the spelling, or press Ctrl+N to add a new guest.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>SearchResultsModel</name>
    <message>
      <source>Preferred name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Full name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Email</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Phone</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Language</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ShowGuest</name>
    <message>
      <source>Show guest</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>SignInPage</name>
    <message>
      <source>Sign in</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose your name and type your PIN.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>PIN</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Sign in</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Name:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;PIN:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Desk locked</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{name}, type your PIN to continue — or choose your own name to take over the desk.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose your name first.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>StaffDialog</name>
    <message>
      <source>Staff</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Add staff member…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Deactivate</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Close</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Deactivated staff can no longer sign in; their name stays on what they recorded.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Re&amp;activate</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Deactivate</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Deactivate {name}? They can no longer sign in.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>StaffModel</name>
    <message>
      <source>Name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Role</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>deactivated</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>locked (wrong PINs)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>active</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>StaffPage</name>
    <message>
      <source>For staff: type your PIN ({name}) to return to the desk.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Return to desk</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Erase this guest on request…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Erase {name} completely? Their details, labels, visits and consents are deleted at once and cannot be restored; copies kept from upgrades are deleted too. The audit log keeps only an anonymous token. A manager confirms with their own PIN.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Erase everything</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Only a manager can erase a guest; no manager found.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>StoreOpen</name>
    <message>
      <source>The store did not open</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Frontdesk could not open its store.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Retry</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>demo (throw-away)</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>TodayView</name>
    <message>
      <source>&amp;Date:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>T&amp;oday</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Se&amp;rvice:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Enter opens the guest card · Space or A marks arrived</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Hotel arrivals</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Restaurant &amp;bookings</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cannot show the list</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No arrivals for {day}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No {service} bookings for {day}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Not marked</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{name} marked as arrived — press Space again to undo</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{name} is expected again</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>VisitDialog</name>
    <message>
      <source>New booking or stay</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>For {name}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>e.g. 204 or T7 (optional)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Kind:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Date:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Time:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Nights:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Service:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Party size:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Room or table:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Save</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This date is before today: the visit will be recorded as one that happened (arrived), not as expected.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Type the number of guests (1 or more).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Save as a past visit</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>VisitsModel</name>
    <message>
      <source>Date</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Visit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Room/table</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Party</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Restaurant</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stay</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>VocabularyDialog</name>
    <message>
      <source>Vocabulary</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Type to filter labels (Ctrl+F)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Find:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Re&amp;word…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Change &amp;retention…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Re&amp;tire…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wording &amp;settings…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Close</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No label matches.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wording settings saved.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reworded. Guests who carry it see the new wording.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Retention not changed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Retention changed; {n} guest label(s) got a new expiry date.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Not retired</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Retired; taken off {n} guest(s).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Retired; guests keep it until it expires.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>VocabularyModel</name>
    <message>
      <source>Staff wording</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Category</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Guests</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kept for</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>in use</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>retired</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{n} days</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>WordingSettingsDialog</name>
    <message>
      <source>Wording settings</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Optional: a .toml file in the same format as the built-in rules</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Browse…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>none</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Proposals are checked with the built-in word lists plus your own. A file named wording_rules.toml in {folder} is always used; the file chosen here is added for this venue.
Extra files in use: {loaded}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Proposals must at least be worded in:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Extra wording rules file:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Save</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wording rules file</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wording rules (*.toml)</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
