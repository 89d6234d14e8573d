<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
  <context>
    <name>AddStaffDialog</name>
    <message>
      <source>Add staff member</source>
      <translation>Mitarbeiter hinzufügen</translation>
    </message>
    <message>
      <source>&amp;Name:</source>
      <translation>&amp;Name:</translation>
    </message>
    <message>
      <source>&amp;Role:</source>
      <translation>&amp;Rolle:</translation>
    </message>
    <message>
      <source>&amp;PIN (4–12 digits):</source>
      <translation>&amp;PIN (4–12 Ziffern):</translation>
    </message>
    <message>
      <source>PIN &amp;again:</source>
      <translation>PIN &amp;wiederholen:</translation>
    </message>
    <message>
      <source>The two PINs differ. Type the same PIN twice.</source>
      <translation>Die beiden PINs stimmen nicht überein. Geben Sie zweimal dieselbe PIN ein.</translation>
    </message>
  </context>
  <context>
    <name>ArrivalsModel</name>
    <message>
      <source>Room</source>
      <translation>Zimmer</translation>
    </message>
    <message>
      <source>Table</source>
      <translation>Tisch</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>Uhrzeit</translation>
    </message>
    <message>
      <source>Party</source>
      <translation>Personen</translation>
    </message>
    <message>
      <source>Guest</source>
      <translation>Gast</translation>
    </message>
    <message>
      <source>Health</source>
      <translation>Gesundheit</translation>
    </message>
    <message>
      <source>Greeting cue</source>
      <translation>Begrüßung</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Health information (with the guest's consent): {labels}</source>
      <translation>Gesundheitsangaben (mit Einwilligung des Gastes): {labels}</translation>
    </message>
  </context>
  <context>
    <name>AuditModel</name>
    <message>
      <source>#</source>
      <translation>#</translation>
    </message>
    <message>
      <source>When</source>
      <translation>Wann</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>Wer</translation>
    </message>
    <message>
      <source>What happened</source>
      <translation>Was geschah</translation>
    </message>
    <message>
      <source>Guest</source>
      <translation>Gast</translation>
    </message>
    <message>
      <source>Frontdesk</source>
      <translation>Frontdesk</translation>
    </message>
  </context>
  <context>
    <name>AuditView</name>
    <message>
      <source>Audit log</source>
      <translation>Protokoll</translation>
    </message>
    <message>
      <source>&amp;Verify again</source>
      <translation>Erneut &amp;prüfen</translation>
    </message>
    <message>
      <source>Everyone</source>
      <translation>Alle</translation>
    </message>
    <message>
      <source>Every action</source>
      <translation>Alle Aktionen</translation>
    </message>
    <message>
      <source>guest token</source>
      <translation>Gastkennung</translation>
    </message>
    <message>
      <source>&amp;Pick guest…</source>
      <translation>Gast &amp;wählen…</translation>
    </message>
    <message>
      <source>&amp;Dates</source>
      <translation>&amp;Zeitraum</translation>
    </message>
    <message>
      <source>&amp;Staff:</source>
      <translation>&amp;Mitarbeiter:</translation>
    </message>
    <message>
      <source>&amp;Action:</source>
      <translation>&amp;Aktion:</translation>
    </message>
    <message>
      <source>&amp;Guest:</source>
      <translation>&amp;Gast:</translation>
    </message>
    <message>
      <source>No events match these filters.</source>
      <translation>Keine Ereignisse für diese Filter.</translation>
    </message>
    <message>
      <source> (the newest; narrow the filters to see older ones)</source>
      <translation> (die neuesten; schränken Sie die Filter ein, um ältere zu sehen)</translation>
    </message>
    <message>
      <source>{n} events shown</source>
      <translation>{n} Ereignisse angezeigt</translation>
    </message>
  </context>
  <context>
    <name>BackupDialog</name>
    <message>
      <source>The backup failed: {reason}.</source>
      <translation>Die Sicherung ist fehlgeschlagen: {reason}.</translation>
    </message>
    <message>
      <source>Backup</source>
      <translation>Sicherung</translation>
    </message>
    <message>
      <source>&amp;Back up now</source>
      <translation>Jetzt &amp;sichern</translation>
    </message>
    <message>
      <source>&amp;Cancel backup</source>
      <translation>Sicherung &amp;abbrechen</translation>
    </message>
    <message>
      <source>&amp;File:</source>
      <translation>&amp;Datei:</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>Auswählen…</translation>
    </message>
    <message>
      <source>&amp;Passphrase:</source>
      <translation>&amp;Passphrase:</translation>
    </message>
    <message>
      <source>Passphrase &amp;again:</source>
      <translation>Passphrase &amp;wiederholen:</translation>
    </message>
    <message>
      <source>The backup is encrypted with this passphrase, so it can be restored on another computer. Keep the passphrase apart from the backup: without it the backup cannot be opened by anyone, including you.</source>
      <translation>Die Sicherung wird mit dieser Passphrase verschlüsselt, damit sie auf einem anderen Computer wiederhergestellt werden kann. Bewahren Sie die Passphrase getrennt von der Sicherung auf: Ohne sie kann niemand die Sicherung öffnen, auch Sie nicht.</translation>
    </message>
    <message>
      <source>Back up now</source>
      <translation>Jetzt sichern</translation>
    </message>
    <message>
      <source>Make a backup every &amp;day when Frontdesk starts</source>
      <translation>&amp;Täglich beim Start von Frontdesk sichern</translation>
    </message>
    <message>
      <source>kept in the keyring</source>
      <translation>im Schlüsselbund gespeichert</translation>
    </message>
    <message>
      <source>&amp;Save daily backup settings</source>
      <translation>Einstellungen spei&amp;chern</translation>
    </message>
    <message>
      <source>never</source>
      <translation>nie</translation>
    </message>
    <message>
      <source>Last daily backup: {when}</source>
      <translation>Letzte tägliche Sicherung: {when}</translation>
    </message>
    <message>
      <source>F&amp;older:</source>
      <translation>&amp;Ordner:</translation>
    </message>
    <message>
      <source>&amp;Keep the newest:</source>
      <translation>Die neuesten &amp;behalten:</translation>
    </message>
    <message>
      <source>Passp&amp;hrase:</source>
      <translation>Passp&amp;hrase:</translation>
    </message>
    <message>
      <source>Daily backup</source>
      <translation>Tägliche Sicherung</translation>
    </message>
    <message>
      <source>To restore a backup: Manager ▸ Restore from a backup… (or, with Frontdesk closed, frontdesk restore --from FILE). The backup is checked before anything is replaced, and the current store is kept beside it.</source>
      <translation>So stellen Sie eine Sicherung wieder her: Manager ▸ Aus Sicherung wiederherstellen… (oder, bei geschlossenem Frontdesk, frontdesk restore --from DATEI). Die Sicherung wird geprüft, bevor etwas ersetzt wird, und der aktuelle Datenbestand wird daneben aufbewahrt.</translation>
    </message>
    <message>
      <source>Save the backup as</source>
      <translation>Sicherung speichern unter</translation>
    </message>
    <message>
      <source>Frontdesk backups (*.fdbackup)</source>
      <translation>Frontdesk-Sicherungen (*.fdbackup)</translation>
    </message>
    <message>
      <source>Folder for daily backups</source>
      <translation>Ordner für tägliche Sicherungen</translation>
    </message>
    <message>
      <source>The two passphrases differ. Type the same passphrase twice.</source>
      <translation>Die beiden Passphrasen stimmen nicht überein. Geben Sie zweimal dieselbe Passphrase ein.</translation>
    </message>
    <message>
      <source>Backing up… you can keep working in the main window.</source>
      <translation>Sicherung läuft… Sie können im Hauptfenster weiterarbeiten.</translation>
    </message>
    <message>
      <source>Backup written to {path}.</source>
      <translation>Sicherung gespeichert unter {path}.</translation>
    </message>
    <message>
      <source>Daily backup is on: the newest {n} are kept in {folder}.</source>
      <translation>Die tägliche Sicherung ist eingeschaltet: Die neuesten {n} werden in {folder} aufbewahrt.</translation>
    </message>
    <message>
      <source>Daily backup is off.</source>
      <translation>Die tägliche Sicherung ist ausgeschaltet.</translation>
    </message>
  </context>
  <context>
    <name>ChangeWatch</name>
    <message>
      <source>That guest was erased at another desk.</source>
      <translation>Dieser Gast wurde an einer anderen Rezeption gelöscht.</translation>
    </message>
    <message>
      <source>Connected to the shared store again; the desk is up to date.</source>
      <translation>Wieder mit dem gemeinsamen Datenbestand verbunden; die Rezeption ist auf dem neuesten Stand.</translation>
    </message>
    <message>
      <source>Not connected since {time}. {message}</source>
      <translation>Keine Verbindung seit {time}. {message}</translation>
    </message>
  </context>
  <context>
    <name>DailyBackupRunner</name>
    <message>
      <source>Daily backup written to {path}.</source>
      <translation>Tägliche Sicherung gespeichert unter {path}.</translation>
    </message>
    <message>
      <source>The daily backup failed: {why}</source>
      <translation>Die tägliche Sicherung ist fehlgeschlagen: {why}</translation>
    </message>
  </context>
  <context>
    <name>Desk</name>
    <message>
      <source>Full name</source>
      <translation>Vollständiger Name</translation>
    </message>
    <message>
      <source>Preferred name</source>
      <translation>Rufname</translation>
    </message>
    <message>
      <source>Pronunciation</source>
      <translation>Aussprache</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Telefon</translation>
    </message>
    <message>
      <source>Type a name, email, phone or room</source>
      <translation>Name, E-Mail, Telefon oder Zimmer eingeben</translation>
    </message>
    <message>
      <source>&amp;Merge guest profiles…</source>
      <translation>Gastprofile &amp;zusammenführen…</translation>
    </message>
    <message>
      <source>It judges a person rather than describing a wish</source>
      <translation>Es urteilt über eine Person, statt einen Wunsch zu beschreiben</translation>
    </message>
    <message>
      <source>The vocabulary already has a label for this</source>
      <translation>Das Vokabular hat dafür schon ein Merkmal</translation>
    </message>
    <message>
      <source>A guest would not understand the wording</source>
      <translation>Ein Gast würde die Formulierung nicht verstehen</translation>
    </message>
    <message>
      <source>It does not help us serve the guest</source>
      <translation>Es hilft uns nicht, den Gast zu bedienen</translation>
    </message>
    <message>
      <source>Another reason (say which in the note)</source>
      <translation>Ein anderer Grund (nennen Sie ihn in der Anmerkung)</translation>
    </message>
    <message>
      <source>Recognition</source>
      <translation>Wiedererkennung</translation>
    </message>
    <message>
      <source>Appreciation</source>
      <translation>Wertschätzung</translation>
    </message>
    <message>
      <source>Preference</source>
      <translation>Vorlieben</translation>
    </message>
    <message>
      <source>Guest control</source>
      <translation>Selbstbestimmung</translation>
    </message>
    <message>
      <source>how the guest likes to be recognised</source>
      <translation>wie der Gast wiedererkannt werden möchte</translation>
    </message>
    <message>
      <source>what the guest appreciates</source>
      <translation>was der Gast schätzt</translation>
    </message>
    <message>
      <source>how to serve the guest</source>
      <translation>wie wir den Gast bedienen</translation>
    </message>
    <message>
      <source>what the guest wants to decide themselves</source>
      <translation>was der Gast selbst entscheiden möchte</translation>
    </message>
    <message>
      <source>receptionist</source>
      <translation>Rezeptionist</translation>
    </message>
    <message>
      <source>host</source>
      <translation>Gastgeber</translation>
    </message>
    <message>
      <source>manager</source>
      <translation>Manager</translation>
    </message>
    <message>
      <source>the guest told us</source>
      <translation>der Gast hat es uns gesagt</translation>
    </message>
    <message>
      <source>we observed</source>
      <translation>von uns beobachtet</translation>
    </message>
    <message>
      <source>The guest asked us to remove it</source>
      <translation>Der Gast hat uns gebeten, es zu entfernen</translation>
    </message>
    <message>
      <source>It is no longer true</source>
      <translation>Es trifft nicht mehr zu</translation>
    </message>
    <message>
      <source>It was added by mistake</source>
      <translation>Es wurde versehentlich hinzugefügt</translation>
    </message>
    <message>
      <source>Consent was withdrawn</source>
      <translation>Die Einwilligung wurde widerrufen</translation>
    </message>
    <message>
      <source>The label was retired</source>
      <translation>Das Merkmal wurde stillgelegt</translation>
    </message>
    <message>
      <source>Its retention period ended</source>
      <translation>Die Aufbewahrungsfrist ist abgelaufen</translation>
    </message>
    <message>
      <source>Hotel stay</source>
      <translation>Hotelaufenthalt</translation>
    </message>
    <message>
      <source>Restaurant booking</source>
      <translation>Tischreservierung</translation>
    </message>
    <message>
      <source>expected</source>
      <translation>erwartet</translation>
    </message>
    <message>
      <source>arrived</source>
      <translation>angekommen</translation>
    </message>
    <message>
      <source>departed</source>
      <translation>abgereist</translation>
    </message>
    <message>
      <source>cancelled</source>
      <translation>storniert</translation>
    </message>
    <message>
      <source>Lunch</source>
      <translation>Mittagessen</translation>
    </message>
    <message>
      <source>Dinner</source>
      <translation>Abendessen</translation>
    </message>
    <message>
      <source>normal</source>
      <translation>normal</translation>
    </message>
    <message>
      <source>health information (special category)</source>
      <translation>Gesundheitsangabe (besondere Kategorie)</translation>
    </message>
    <message>
      <source>{name} (say {sound})</source>
      <translation>{name} (gesprochen: {sound})</translation>
    </message>
    <message>
      <source>{name} — first visit</source>
      <translation>{name} — erster Besuch</translation>
    </message>
    <message>
      <source>{n}th</source>
      <translation>{n}.</translation>
    </message>
    <message>
      <source>{name} — welcome back: {nth} {noun}, last in {when}</source>
      <translation>{name} — willkommen zurück: {nth} {noun}, zuletzt im {when}</translation>
    </message>
    <message>
      <source>stay</source>
      <translation>Aufenthalt</translation>
    </message>
    <message>
      <source>visit</source>
      <translation>Besuch</translation>
    </message>
    <message>
      <source>no consent on record</source>
      <translation>keine Einwilligung erfasst</translation>
    </message>
    <message>
      <source>consent ✓</source>
      <translation>Einwilligung ✓</translation>
    </message>
    <message>
      <source>Consent needed</source>
      <translation>Einwilligung erforderlich</translation>
    </message>
    <message>
      <source>“{label}” is health information.</source>
      <translation>„{label}“ ist eine Gesundheitsangabe.</translation>
    </message>
    <message>
      <source>We may only keep it with {name}'s explicit consent. Ask: “May we note this so we can take care of it on every visit? You can see it and have it removed at any time.”

Did the guest agree?</source>
      <translation>Wir dürfen das nur mit der ausdrücklichen Einwilligung von {name} speichern. Fragen Sie: „Dürfen wir uns das notieren, damit wir bei jedem Besuch darauf achten können? Sie können es jederzeit einsehen und löschen lassen.“

Ist der Gast einverstanden?</translation>
    </message>
    <message>
      <source>We may only keep it with {name}'s explicit consent. Ask in {language}:

“{question}”

(In your words: “May we note this so we can take care of it on every visit? You can see it and have it removed at any time.”)

Did the guest agree?</source>
      <translation>Wir dürfen das nur mit der ausdrücklichen Einwilligung von {name} speichern. Fragen Sie auf {language}:

„{question}“

(Mit Ihren Worten: „Dürfen wir uns das notieren, damit wir bei jedem Besuch darauf achten können? Sie können es jederzeit einsehen und löschen lassen.“)

Ist der Gast einverstanden?</translation>
    </message>
    <message>
      <source>&amp;Guest agrees — record consent</source>
      <translation>&amp;Gast ist einverstanden — Einwilligung erfassen</translation>
    </message>
    <message>
      <source>&amp;Leave it off</source>
      <translation>&amp;Weglassen</translation>
    </message>
    <message>
      <source>Withdraw consent</source>
      <translation>Einwilligung widerrufen</translation>
    </message>
    <message>
      <source>Withdraw the guest's consent for health information?</source>
      <translation>Die Einwilligung des Gastes für Gesundheitsangaben widerrufen?</translation>
    </message>
    <message>
      <source>{n} health label(s) will be removed from the card at once.</source>
      <translation>{n} Gesundheitsmerkmal(e) werden sofort von der Karte entfernt.</translation>
    </message>
    <message>
      <source>&amp;Withdraw consent</source>
      <translation>Einwilligung &amp;widerrufen</translation>
    </message>
    <message>
      <source>Waiting for review</source>
      <translation>Wartet auf Prüfung</translation>
    </message>
    <message>
      <source>Approved</source>
      <translation>Genehmigt</translation>
    </message>
    <message>
      <source>Rejected</source>
      <translation>Abgelehnt</translation>
    </message>
    <message>
      <source>Approved, later retired</source>
      <translation>Genehmigt, später stillgelegt</translation>
    </message>
    <message>
      <source>✖ Blocked</source>
      <translation>✖ Blockiert</translation>
    </message>
    <message>
      <source>⚠ Warning</source>
      <translation>⚠ Warnung</translation>
    </message>
    <message>
      <source>✓ Clean</source>
      <translation>✓ In Ordnung</translation>
    </message>
  </context>
  <context>
    <name>DeskPage</name>
    <message>
      <source>Search guests by name, email or phone   (Ctrl+F)</source>
      <translation>Gäste nach Name, E-Mail oder Telefon suchen   (Strg+F)</translation>
    </message>
    <message>
      <source>Today's lists (Ctrl+T)</source>
      <translation>Heutige Listen (Strg+T)</translation>
    </message>
    <message>
      <source>New guest (Ctrl+N)</source>
      <translation>Neuer Gast (Strg+N)</translation>
    </message>
    <message>
      <source>Cannot open the card</source>
      <translation>Die Karte lässt sich nicht öffnen</translation>
    </message>
    <message>
      <source>Cannot show the card</source>
      <translation>Die Karte lässt sich nicht anzeigen</translation>
    </message>
    <message>
      <source>Not marked</source>
      <translation>Nicht markiert</translation>
    </message>
    <message>
      <source>{name} marked as arrived — press Space again to undo</source>
      <translation>{name} als angekommen markiert — zum Rückgängigmachen erneut die Leertaste drücken</translation>
    </message>
    <message>
      <source>{name} is expected again</source>
      <translation>{name} wird wieder erwartet</translation>
    </message>
    <message>
      <source>Opened the guest's existing profile.</source>
      <translation>Das vorhandene Profil des Gastes wurde geöffnet.</translation>
    </message>
    <message>
      <source>Guest created.</source>
      <translation>Gast angelegt.</translation>
    </message>
    <message>
      <source>Guest details saved.</source>
      <translation>Gastdaten gespeichert.</translation>
    </message>
    <message>
      <source>Visit recorded.</source>
      <translation>Besuch erfasst.</translation>
    </message>
    <message>
      <source>Label not added</source>
      <translation>Merkmal nicht hinzugefügt</translation>
    </message>
    <message>
      <source>Label left off: no consent.</source>
      <translation>Merkmal weggelassen: keine Einwilligung.</translation>
    </message>
    <message>
      <source>Consent needed</source>
      <translation>Einwilligung erforderlich</translation>
    </message>
    <message>
      <source>Label added: {label}</source>
      <translation>Merkmal hinzugefügt: {label}</translation>
    </message>
    <message>
      <source>Label not removed</source>
      <translation>Merkmal nicht entfernt</translation>
    </message>
    <message>
      <source>Label removed: {label}</source>
      <translation>Merkmal entfernt: {label}</translation>
    </message>
    <message>
      <source>Allergies, diets, mobility</source>
      <translation>Allergien, Ernährung, Mobilität</translation>
    </message>
    <message>
      <source>Consent not recorded</source>
      <translation>Einwilligung nicht erfasst</translation>
    </message>
    <message>
      <source>Consent not withdrawn</source>
      <translation>Einwilligung nicht widerrufen</translation>
    </message>
    <message>
      <source>Consent withdrawn; {n} health label(s) removed.</source>
      <translation>Einwilligung widerrufen; {n} Gesundheitsmerkmal(e) entfernt.</translation>
    </message>
  </context>
  <context>
    <name>FirstRunPage</name>
    <message>
      <source>Welcome to Frontdesk</source>
      <translation>Willkommen bei Frontdesk</translation>
    </message>
    <message>
      <source>This store has no staff yet. Create the first manager account: the manager adds the other staff and approves labels.</source>
      <translation>Dieser Datenbestand hat noch keine Mitarbeiter. Legen Sie das erste Manager-Konto an: Der Manager fügt die übrigen Mitarbeiter hinzu und genehmigt Merkmale.</translation>
    </message>
    <message>
      <source>&amp;Create manager account</source>
      <translation>Manager-Konto &amp;anlegen</translation>
    </message>
    <message>
      <source>&amp;Open Frontdesk when I log in</source>
      <translation>&amp;Frontdesk beim Einloggen öffnen</translation>
    </message>
    <message>
      <source>It then opens this store when you log in to this computer and waits, so the desk is ready the moment Frontdesk is started. Desk ▸ Open at login changes it.</source>
      <translation>Frontdesk öffnet dann diesen Datenbestand, sobald Sie sich an diesem Computer einloggen, und wartet, damit die Rezeption bereit ist, sobald Frontdesk gestartet wird. Rezeption ▸ Beim Einloggen starten ändert das.</translation>
    </message>
    <message>
      <source>&amp;Your name:</source>
      <translation>&amp;Ihr Name:</translation>
    </message>
    <message>
      <source>&amp;PIN (4–12 digits):</source>
      <translation>&amp;PIN (4–12 Ziffern):</translation>
    </message>
    <message>
      <source>PIN &amp;again:</source>
      <translation>PIN &amp;wiederholen:</translation>
    </message>
    <message>
      <source>The two PINs differ. Type the same PIN twice.</source>
      <translation>Die beiden PINs stimmen nicht überein. Geben Sie zweimal dieselbe PIN ein.</translation>
    </message>
  </context>
  <context>
    <name>GuestCardView</name>
    <message>
      <source>Mark &amp;arrived (Space)</source>
      <translation>&amp;Angekommen (Leertaste)</translation>
    </message>
    <message>
      <source>Sh&amp;ow guest (F9)</source>
      <translation>Dem Gast &amp;zeigen (F9)</translation>
    </message>
    <message>
      <source>&amp;Edit details…</source>
      <translation>Angaben &amp;bearbeiten…</translation>
    </message>
    <message>
      <source>New booking or &amp;stay…</source>
      <translation>&amp;Neue Reservierung oder neuer Aufenthalt…</translation>
    </message>
    <message>
      <source>← Bac&amp;k (Esc)</source>
      <translation>← Zurüc&amp;k (Esc)</translation>
    </message>
    <message>
      <source>Label</source>
      <translation>Merkmal</translation>
    </message>
    <message>
      <source>Added</source>
      <translation>Hinzugefügt</translation>
    </message>
    <message>
      <source>Basis</source>
      <translation>Grundlage</translation>
    </message>
    <message>
      <source>Add &amp;label… (Ins)</source>
      <translation>Merkmal hinzu&amp;fügen… (Einfg)</translation>
    </message>
    <message>
      <source>&amp;Remove label… (Del)</source>
      <translation>Merkmal &amp;entfernen… (Entf)</translation>
    </message>
    <message>
      <source>Labels</source>
      <translation>Merkmale</translation>
    </message>
    <message>
      <source>Visit history</source>
      <translation>Besuchsverlauf</translation>
    </message>
    <message>
      <source>Record &amp;consent…</source>
      <translation>E&amp;inwilligung erfassen…</translation>
    </message>
    <message>
      <source>&amp;Withdraw consent…</source>
      <translation>Einwilligung &amp;widerrufen…</translation>
    </message>
    <message>
      <source>Consents</source>
      <translation>Einwilligungen</translation>
    </message>
    <message>
      <source>speaks {language}</source>
      <translation>spricht {language}</translation>
    </message>
    <message>
      <source>No stays or bookings yet.</source>
      <translation>Noch keine Aufenthalte oder Reservierungen.</translation>
    </message>
    <message>
      <source>Arrived ✓ — undo (Space)</source>
      <translation>Angekommen ✓ — rückgängig (Leertaste)</translation>
    </message>
    <message>
      <source>No stay or booking for today</source>
      <translation>Kein Aufenthalt und keine Reservierung für heute</translation>
    </message>
    <message>
      <source>⚕ Health and safety — allergies, diets, mobility</source>
      <translation>⚕ Gesundheit und Sicherheit — Allergien, Ernährung, Mobilität</translation>
    </message>
    <message>
      <source>    none recorded</source>
      <translation>    keine erfasst</translation>
    </message>
    <message>
      <source>    nothing recorded</source>
      <translation>    nichts erfasst</translation>
    </message>
    <message>
      <source>No labels yet. Press Ins to add one from the approved list.</source>
      <translation>Noch keine Merkmale. Drücken Sie Einfg, um eines aus der genehmigten Liste hinzuzufügen.</translation>
    </message>
    <message>
      <source>Guest sees: “{text}”</source>
      <translation>Der Gast sieht: „{text}“</translation>
    </message>
    <message>
      <source>Purpose: {text}</source>
      <translation>Zweck: {text}</translation>
    </message>
    <message>
      <source>Added by {who} ({role}) on {date} · {source} · kept until {until}</source>
      <translation>Hinzugefügt von {who} ({role}) am {date} · {source} · aufbewahrt bis {until}</translation>
    </message>
    <message>
      <source>given {date} by {who}</source>
      <translation>erteilt am {date}, erfasst von {who}</translation>
    </message>
    <message>
      <source>withdrawn {date}</source>
      <translation>widerrufen am {date}</translation>
    </message>
    <message>
      <source>Health information (allergies, diets, mobility): {state}</source>
      <translation>Gesundheitsangaben (Allergien, Ernährung, Mobilität): {state}</translation>
    </message>
    <message>
      <source>No consents recorded.</source>
      <translation>Keine Einwilligungen erfasst.</translation>
    </message>
  </context>
  <context>
    <name>GuestDialog</name>
    <message>
      <source>New guest</source>
      <translation>Neuer Gast</translation>
    </message>
    <message>
      <source>Edit guest</source>
      <translation>Gast bearbeiten</translation>
    </message>
    <message>
      <source>Only what the guest tells us about themselves. Preferences go on the card as labels.</source>
      <translation>Nur was der Gast uns über sich selbst sagt. Vorlieben kommen als Merkmale auf die Karte.</translation>
    </message>
    <message>
      <source>what the guest likes to be called</source>
      <translation>wie der Gast angesprochen werden möchte</translation>
    </message>
    <message>
      <source>e.g. TOH-mah-sen</source>
      <translation>z. B. TOH-mah-sen</translation>
    </message>
    <message>
      <source>&amp;Full name:</source>
      <translation>&amp;Vollständiger Name:</translation>
    </message>
    <message>
      <source>&amp;Preferred name:</source>
      <translation>&amp;Rufname:</translation>
    </message>
    <message>
      <source>Pro&amp;nunciation:</source>
      <translation>&amp;Aussprache:</translation>
    </message>
    <message>
      <source>&amp;Language:</source>
      <translation>&amp;Sprache:</translation>
    </message>
    <message>
      <source>E&amp;mail:</source>
      <translation>E-&amp;Mail:</translation>
    </message>
    <message>
      <source>P&amp;hone:</source>
      <translation>&amp;Telefon:</translation>
    </message>
    <message>
      <source>&amp;Open this guest</source>
      <translation>Diesen Gast ö&amp;ffnen</translation>
    </message>
    <message>
      <source>This guest may already have a profile. Open it (Enter), or press Save again to add a new profile anyway.</source>
      <translation>Dieser Gast hat vielleicht schon ein Profil. Öffnen Sie es (Eingabe), oder drücken Sie erneut auf Speichern, um trotzdem ein neues Profil anzulegen.</translation>
    </message>
    <message>
      <source>&amp;Save as new guest</source>
      <translation>Als neuen Gast &amp;speichern</translation>
    </message>
    <message>
      <source>Another profile has the same details. Press Save again to keep both; a manager can merge them (Manager ▸ Merge guest profiles…).</source>
      <translation>Ein anderes Profil hat dieselben Angaben. Drücken Sie erneut auf Speichern, um beide zu behalten; ein Manager kann sie zusammenführen (Manager ▸ Gastprofile zusammenführen…).</translation>
    </message>
    <message>
      <source>&amp;Save anyway</source>
      <translation>Trotzdem &amp;speichern</translation>
    </message>
  </context>
  <context>
    <name>GuestForm</name>
    <message>
      <source>Other profiles</source>
      <translation>Andere Profile</translation>
    </message>
    <message>
      <source>The details the guest corrected in Show guest match other profiles. If they are the same person, a manager can merge them (Manager ▸ Merge guest profiles…).</source>
      <translation>Die Angaben, die der Gast unter „Dem Gast zeigen“ korrigiert hat, stimmen mit anderen Profilen überein. Ist es dieselbe Person, kann ein Manager sie zusammenführen (Manager ▸ Gastprofile zusammenführen…).</translation>
    </message>
  </context>
  <context>
    <name>GuestPickDialog</name>
    <message>
      <source>Pick a guest</source>
      <translation>Gast wählen</translation>
    </message>
    <message>
      <source>Type a name…</source>
      <translation>Namen eingeben…</translation>
    </message>
  </context>
  <context>
    <name>GuestPreview</name>
    <message>
      <source>The guest reads, in {language}:</source>
      <translation>Der Gast liest ({language}):</translation>
    </message>
    <message>
      <source>Why we keep it: {purpose}</source>
      <translation>Warum wir es speichern: {purpose}</translation>
    </message>
    <message>
      <source>No {language} wording yet: this guest would read the {used} text above.</source>
      <translation>Noch keine Formulierung auf {language}: Dieser Gast würde den Text oben ({used}) lesen.</translation>
    </message>
  </context>
  <context>
    <name>ImportWizard</name>
    <message>
      <source>The import failed: {reason}. Nothing was imported.</source>
      <translation>Der Import ist fehlgeschlagen: {reason}. Es wurde nichts importiert.</translation>
    </message>
    <message>
      <source>Choose the export</source>
      <translation>Exportdatei wählen</translation>
    </message>
    <message>
      <source>A CSV file from your booking system or spreadsheet: comma, semicolon or tab separated, in any common encoding.</source>
      <translation>Eine CSV-Datei aus Ihrem Reservierungssystem oder Ihrer Tabellenkalkulation: durch Komma, Semikolon oder Tabulator getrennt, in jeder gängigen Kodierung.</translation>
    </message>
    <message>
      <source>Path of the CSV file</source>
      <translation>Pfad der CSV-Datei</translation>
    </message>
    <message>
      <source>&amp;Choose file…</source>
      <translation>Datei &amp;auswählen…</translation>
    </message>
    <message>
      <source>Nothing is written until you confirm the preview. Columns with remarks or notes are never imported.</source>
      <translation>Es wird nichts gespeichert, bevor Sie die Vorschau bestätigen. Spalten mit Bemerkungen oder Notizen werden nie importiert.</translation>
    </message>
    <message>
      <source>CSV files (*.csv *.txt *.tsv);;All files (*)</source>
      <translation>CSV-Dateien (*.csv *.txt *.tsv);;Alle Dateien (*)</translation>
    </message>
    <message>
      <source>Check the columns</source>
      <translation>Spalten prüfen</translation>
    </message>
    <message>
      <source>Frontdesk guessed what each column holds. Correct any guess; the choice is remembered for files with the same columns.</source>
      <translation>Frontdesk hat erraten, was jede Spalte enthält. Korrigieren Sie, was nicht stimmt; Ihre Wahl wird für Dateien mit denselben Spalten gespeichert.</translation>
    </message>
    <message>
      <source>Column in the file</source>
      <translation>Spalte in der Datei</translation>
    </message>
    <message>
      <source>Example</source>
      <translation>Beispiel</translation>
    </message>
    <message>
      <source>Imports as</source>
      <translation>Importieren als</translation>
    </message>
    <message>
      <source>&amp;Remember these columns for files like this one</source>
      <translation>Diese Spalten für ähnliche Dateien &amp;merken</translation>
    </message>
    <message>
      <source>Reading the file…</source>
      <translation>Datei wird gelesen…</translation>
    </message>
    <message>
      <source>Columns as you set them last time for this layout.</source>
      <translation>Spalten so, wie Sie sie zuletzt für diesen Aufbau eingestellt haben.</translation>
    </message>
    <message>
      <source>Columns guessed from the header row.</source>
      <translation>Spalten aus der Kopfzeile erraten.</translation>
    </message>
    <message>
      <source>{rows} rows.</source>
      <translation>{rows} Zeilen.</translation>
    </message>
    <message>
      <source>skipped: free text is never imported</source>
      <translation>übersprungen: Freitext wird nie importiert</translation>
    </message>
    <message>
      <source>Preview</source>
      <translation>Vorschau</translation>
    </message>
    <message>
      <source>Nothing has been written yet. If any row has an error, nothing is imported: correct the file, or choose to leave those rows out.</source>
      <translation>Noch wurde nichts gespeichert. Hat eine Zeile einen Fehler, wird nichts importiert: Korrigieren Sie die Datei, oder lassen Sie diese Zeilen weg.</translation>
    </message>
    <message>
      <source>&amp;Import</source>
      <translation>&amp;Importieren</translation>
    </message>
    <message>
      <source>Line</source>
      <translation>Zeile</translation>
    </message>
    <message>
      <source>Guest</source>
      <translation>Gast</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Rows with errors</source>
      <translation>Zeilen mit Fehlern</translation>
    </message>
    <message>
      <source>Rows to import</source>
      <translation>Zu importierende Zeilen</translation>
    </message>
    <message>
      <source>Import &amp;only the rows without errors; leave the rows with errors out</source>
      <translation>&amp;Nur die fehlerfreien Zeilen importieren; Zeilen mit Fehlern weglassen</translation>
    </message>
    <message>
      <source>Checking every row and looking for known guests…</source>
      <translation>Jede Zeile wird geprüft und mit bekannten Gästen abgeglichen…</translation>
    </message>
    <message>
      <source>New guests: {n}</source>
      <translation>Neue Gäste: {n}</translation>
    </message>
    <message>
      <source>Matched guests (same email, or same name and phone): {n}</source>
      <translation>Erkannte Gäste (gleiche E-Mail oder gleicher Name und gleiche Telefonnummer): {n}</translation>
    </message>
    <message>
      <source>Visits to add: {n}</source>
      <translation>Hinzuzufügende Besuche: {n}</translation>
    </message>
    <message>
      <source>Rows with errors: {n}</source>
      <translation>Zeilen mit Fehlern: {n}</translation>
    </message>
    <message>
      <source>Check for duplicate profiles — new guests with the name of a known guest or of another row: {names}</source>
      <translation>Auf doppelte Profile prüfen — neue Gäste mit dem Namen eines bekannten Gastes oder einer anderen Zeile: {names}</translation>
    </message>
    <message>
      <source>Visits already in the store (skipped): {n}</source>
      <translation>Bereits vorhandene Besuche (übersprungen): {n}</translation>
    </message>
    <message>
      <source>None</source>
      <translation>Keine</translation>
    </message>
    <message>
      <source>known guest</source>
      <translation>bekannter Gast</translation>
    </message>
    <message>
      <source>new guest</source>
      <translation>neuer Gast</translation>
    </message>
    <message>
      <source>Importing</source>
      <translation>Import</translation>
    </message>
    <message>
      <source>Importing… Cancel undoes everything.</source>
      <translation>Import läuft… Abbrechen macht alles rückgängig.</translation>
    </message>
    <message>
      <source>Cancelled: nothing was imported.</source>
      <translation>Abgebrochen: Es wurde nichts importiert.</translation>
    </message>
    <message>
      <source>Imported {new} new guests and {visits} visits; {matched} guests were already known.</source>
      <translation>{new} neue Gäste und {visits} Besuche importiert; {matched} Gäste waren bereits bekannt.</translation>
    </message>
    <message>
      <source>Import arrivals</source>
      <translation>Anreisen importieren</translation>
    </message>
    <message>
      <source>&amp;Next &gt;</source>
      <translation>&amp;Weiter &gt;</translation>
    </message>
    <message>
      <source>&lt; &amp;Back</source>
      <translation>&lt; &amp;Zurück</translation>
    </message>
    <message>
      <source>&amp;Finish</source>
      <translation>&amp;Fertigstellen</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Abbrechen</translation>
    </message>
    <message>
      <source>Cancelling… nothing will be imported.</source>
      <translation>Wird abgebrochen… es wird nichts importiert.</translation>
    </message>
    <message>
      <source>Imported {new} new guests and {visits} visits.</source>
      <translation>{new} neue Gäste und {visits} Besuche importiert.</translation>
    </message>
  </context>
  <context>
    <name>KeyringTroubleDialog</name>
    <message>
      <source>The keyring is locked</source>
      <translation>Der Schlüsselbund ist gesperrt</translation>
    </message>
    <message>
      <source>The keyring does not have this store's key</source>
      <translation>Der Schlüsselbund hat den Schlüssel dieses Datenbestands nicht</translation>
    </message>
    <message>
      <source>No keyring is available</source>
      <translation>Kein Schlüsselbund verfügbar</translation>
    </message>
    <message>
      <source>The recovery passphrase did not work</source>
      <translation>Die Wiederherstellungs-Passphrase hat nicht funktioniert</translation>
    </message>
    <message>
      <source>Frontdesk keeps the key to its encrypted store in this computer's keyring, and the keyring is locked or refused to hand it out. Unlock it (sign in to the desktop again, or enter the keyring password when asked) and choose Retry.</source>
      <translation>Frontdesk bewahrt den Schlüssel zu seinem verschlüsselten Datenbestand im Schlüsselbund dieses Computers auf, und der Schlüsselbund ist gesperrt oder hat die Herausgabe verweigert. Entsperren Sie ihn (melden Sie sich erneut am Desktop an oder geben Sie das Schlüsselbund-Passwort ein, wenn Sie danach gefragt werden) und wählen Sie „Erneut versuchen“.</translation>
    </message>
    <message>
      <source>The keyring has no key for this store. Perhaps the store was copied from another computer, or the keyring was reset.</source>
      <translation>Der Schlüsselbund hat keinen Schlüssel für diesen Datenbestand. Vielleicht wurde der Datenbestand von einem anderen Computer kopiert, oder der Schlüsselbund wurde zurückgesetzt.</translation>
    </message>
    <message>
      <source>No safe keyring is running on this computer, so Frontdesk cannot get the key to its encrypted store. Start one (on Debian: install gnome-keyring and sign in again) and choose Retry.</source>
      <translation>Auf diesem Computer läuft kein sicherer Schlüsselbund, daher kommt Frontdesk nicht an den Schlüssel zu seinem verschlüsselten Datenbestand. Starten Sie einen (unter Debian: gnome-keyring installieren und neu anmelden) und wählen Sie „Erneut versuchen“.</translation>
    </message>
    <message>
      <source>Frontdesk cannot get its key</source>
      <translation>Frontdesk kommt nicht an seinen Schlüssel</translation>
    </message>
    <message>
      <source>Your guests' data stays encrypted and closed without its key; there is no way around that. You can also use the recovery passphrase that was shown once when this store was set up.</source>
      <translation>Ohne Schlüssel bleiben die Daten Ihrer Gäste verschlüsselt und verschlossen; daran führt kein Weg vorbei. Sie können auch die Wiederherstellungs-Passphrase verwenden, die beim Einrichten dieses Datenbestands einmalig angezeigt wurde.</translation>
    </message>
    <message>
      <source>&amp;Retry</source>
      <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
      <source>Use r&amp;ecovery passphrase…</source>
      <translation>&amp;Wiederherstellungs-Passphrase verwenden…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Beenden</translation>
    </message>
    <message>
      <source>Type the recovery passphrase (six groups of four letters and digits; case and dashes do not matter). Frontdesk will put the key back in the keyring when it can, so the next start is normal.</source>
      <translation>Geben Sie die Wiederherstellungs-Passphrase ein (sechs Gruppen aus je vier Buchstaben und Ziffern; Groß- und Kleinschreibung und Bindestriche spielen keine Rolle). Frontdesk legt den Schlüssel wenn möglich zurück in den Schlüsselbund, damit der nächste Start normal verläuft.</translation>
    </message>
    <message>
      <source>&amp;Open the store</source>
      <translation>Datenbestand ö&amp;ffnen</translation>
    </message>
    <message>
      <source>&amp;Back</source>
      <translation>&amp;Zurück</translation>
    </message>
  </context>
  <context>
    <name>LabelPicker</name>
    <message>
      <source>Add a label</source>
      <translation>Merkmal hinzufügen</translation>
    </message>
    <message>
      <source>Type to filter approved labels</source>
      <translation>Tippen, um genehmigte Merkmale zu filtern</translation>
    </message>
    <message>
      <source>All categories</source>
      <translation>Alle Kategorien</translation>
    </message>
    <message>
      <source>&amp;Find:</source>
      <translation>&amp;Suchen:</translation>
    </message>
    <message>
      <source>&amp;Category:</source>
      <translation>&amp;Kategorie:</translation>
    </message>
    <message>
      <source>Labels unavailable</source>
      <translation>Merkmale nicht verfügbar</translation>
    </message>
    <message>
      <source>The guest reads:</source>
      <translation>Der Gast liest:</translation>
    </message>
    <message>
      <source>Purpose:</source>
      <translation>Zweck:</translation>
    </message>
    <message>
      <source>The guest &amp;told us</source>
      <translation>Der Gast hat es uns &amp;gesagt</translation>
    </message>
    <message>
      <source>We &amp;observed it</source>
      <translation>Von uns &amp;beobachtet</translation>
    </message>
    <message>
      <source>Source:</source>
      <translation>Quelle:</translation>
    </message>
    <message>
      <source>&amp;Add label</source>
      <translation>Merkmal &amp;hinzufügen</translation>
    </message>
    <message>
      <source>&amp;Propose a new label…</source>
      <translation>Neues Merkmal &amp;vorschlagen…</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Abbrechen</translation>
    </message>
    <message>
      <source>Nothing fits?</source>
      <translation>Nichts Passendes?</translation>
    </message>
    <message>
      <source>No approved label matches.
Propose a new label if nothing fits.</source>
      <translation>Kein genehmigtes Merkmal passt.
Schlagen Sie ein neues Merkmal vor, wenn nichts passt.</translation>
    </message>
    <message>
      <source>{category} · kept for {days} days</source>
      <translation>{category} · {days} Tage aufbewahrt</translation>
    </message>
    <message>
      <source>⚕ Health information: only with the guest's explicit consent</source>
      <translation>⚕ Gesundheitsangabe: nur mit ausdrücklicher Einwilligung des Gastes</translation>
    </message>
    <message>
      <source>Proposal sent</source>
      <translation>Vorschlag gesendet</translation>
    </message>
    <message>
      <source>Thank you. A manager will review the new label. The guest is not labelled until it is approved — add it from this list then.</source>
      <translation>Vielen Dank. Ein Manager prüft das neue Merkmal. Der Gast erhält es erst nach der Genehmigung — fügen Sie es dann aus dieser Liste hinzu.</translation>
    </message>
  </context>
  <context>
    <name>LabelsModel</name>
    <message>
      <source>Label</source>
      <translation>Merkmal</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>Kategorie</translation>
    </message>
    <message>
      <source>Health information: needs the guest's explicit consent</source>
      <translation>Gesundheitsangabe: erfordert die ausdrückliche Einwilligung des Gastes</translation>
    </message>
  </context>
  <context>
    <name>Language</name>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Hilfe</translation>
    </message>
    <message>
      <source>&amp;Language</source>
      <translation>&amp;Sprache</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>Sprache</translation>
    </message>
    <message>
      <source>Frontdesk will use {language} the next time it starts.</source>
      <translation>Frontdesk verwendet beim nächsten Start {language}.</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Frontdesk</source>
      <translation>Frontdesk</translation>
    </message>
    <message>
      <source>Making the demo store: guests, a year of visits, today's arrivals…</source>
      <translation>Der Demo-Bestand wird angelegt: Gäste, ein Jahr Besuche, die heutigen Anreisen…</translation>
    </message>
    <message>
      <source>Opening the store…</source>
      <translation>Datenbestand wird geöffnet…</translation>
    </message>
    <message>
      <source>Lock (Ctrl+L)</source>
      <translation>Sperren (Strg+L)</translation>
    </message>
    <message>
      <source>&amp;Desk</source>
      <translation>&amp;Rezeption</translation>
    </message>
    <message>
      <source>&amp;Search guests</source>
      <translation>Gäste &amp;suchen</translation>
    </message>
    <message>
      <source>&amp;New guest…</source>
      <translation>&amp;Neuer Gast…</translation>
    </message>
    <message>
      <source>&amp;Today</source>
      <translation>He&amp;ute</translation>
    </message>
    <message>
      <source>My &amp;proposals…</source>
      <translation>Meine &amp;Vorschläge…</translation>
    </message>
    <message>
      <source>&amp;Import arrivals…</source>
      <translation>Anreisen &amp;importieren…</translation>
    </message>
    <message>
      <source>&amp;Lock</source>
      <translation>S&amp;perren</translation>
    </message>
    <message>
      <source>Sign &amp;out</source>
      <translation>&amp;Abmelden</translation>
    </message>
    <message>
      <source>Open at lo&amp;gin</source>
      <translation>Beim Einloggen s&amp;tarten</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Beenden</translation>
    </message>
    <message>
      <source>&amp;Guest</source>
      <translation>&amp;Gast</translation>
    </message>
    <message>
      <source>S&amp;how guest</source>
      <translation>Dem Gast &amp;zeigen</translation>
    </message>
    <message>
      <source>&amp;Add label…</source>
      <translation>Merkmal &amp;hinzufügen…</translation>
    </message>
    <message>
      <source>&amp;Edit details…</source>
      <translation>Angaben &amp;bearbeiten…</translation>
    </message>
    <message>
      <source>New &amp;booking or stay…</source>
      <translation>Neue &amp;Reservierung oder neuer Aufenthalt…</translation>
    </message>
    <message>
      <source>&amp;Manager</source>
      <translation>&amp;Manager</translation>
    </message>
    <message>
      <source>&amp;Staff…</source>
      <translation>&amp;Mitarbeiter…</translation>
    </message>
    <message>
      <source>&amp;Review proposals…</source>
      <translation>Vorschläge &amp;prüfen…</translation>
    </message>
    <message>
      <source>&amp;Vocabulary…</source>
      <translation>&amp;Vokabular…</translation>
    </message>
    <message>
      <source>&amp;Own words…</source>
      <translation>&amp;Eigene Wörter…</translation>
    </message>
    <message>
      <source>&amp;Audit log…</source>
      <translation>Pro&amp;tokoll…</translation>
    </message>
    <message>
      <source>&amp;Backup…</source>
      <translation>&amp;Sicherung…</translation>
    </message>
    <message>
      <source>Res&amp;tore from a backup…</source>
      <translation>Aus Sicherung &amp;wiederherstellen…</translation>
    </message>
    <message>
      <source>V&amp;enue settings…</source>
      <translation>Einstellungen des &amp;Betriebs…</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Hilfe</translation>
    </message>
    <message>
      <source>&amp;Keyboard shortcuts</source>
      <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
      <source>&amp;Manager ({n})</source>
      <translation>&amp;Manager ({n})</translation>
    </message>
    <message>
      <source>&amp;Review proposals… ({n} waiting)</source>
      <translation>Vorschläge &amp;prüfen… ({n} wartend)</translation>
    </message>
    <message>
      <source>Store: {label}</source>
      <translation>Datenbestand: {label}</translation>
    </message>
    <message>
      <source>{name} · {role}</source>
      <translation>{name} · {role}</translation>
    </message>
    <message>
      <source>Not signed in</source>
      <translation>Nicht angemeldet</translation>
    </message>
    <message>
      <source>Locked</source>
      <translation>Gesperrt</translation>
    </message>
    <message>
      <source>Signed in: {name} ({role})</source>
      <translation>Angemeldet: {name} ({role})</translation>
    </message>
    <message>
      <source> — locked</source>
      <translation> — gesperrt</translation>
    </message>
    <message>
      <source>Open a guest card first (Ctrl+F).</source>
      <translation>Öffnen Sie zuerst eine Gastkarte (Strg+F).</translation>
    </message>
    <message>
      <source>Own words saved: new proposals are checked against them.</source>
      <translation>Eigene Wörter gespeichert: Neue Vorschläge werden daraufhin geprüft.</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>Tastenkürzel</translation>
    </message>
    <message>
      <source>Ctrl+F  search guests (↑↓ choose, Enter opens, Esc clears)
Enter  open the highlighted guest
Space or A  mark arrived (on Today's list and on the card); again to undo
Esc  back from the guest card, to the same place in the list
Ins / Del  add / remove a label on the card
F9  show the guest everything we keep about them
Ctrl+N  new guest · Ctrl+E  edit details · Ctrl+B  new booking or stay
Ctrl+I  import arrivals from a CSV export
Ctrl+L  lock the desk · Ctrl+Q  quit (a locked desk asks for a PIN)</source>
      <translation>Strg+F  Gäste suchen (↑↓ wählen, Eingabe öffnet, Esc leert)
Eingabe  markierten Gast öffnen
Leertaste oder A  als angekommen markieren (in der heutigen Liste und auf der Karte); erneut zum Rückgängigmachen
Esc  zurück von der Gastkarte, an dieselbe Stelle der Liste
Einfg / Entf  Merkmal auf der Karte hinzufügen / entfernen
F9  dem Gast alles zeigen, was wir über ihn speichern
Strg+N  neuer Gast · Strg+E  Angaben bearbeiten · Strg+B  neue Reservierung oder neuer Aufenthalt
Strg+I  Anreisen aus einem CSV-Export importieren
Strg+L  Rezeption sperren · Strg+Q  beenden (eine gesperrte Rezeption fragt nach einer PIN)</translation>
    </message>
    <message>
      <source>Open this store when you log in to the computer and wait in the background: starting Frontdesk then shows the desk at once.</source>
      <translation>Diesen Datenbestand öffnen, wenn Sie sich am Computer einloggen, und im Hintergrund warten: Wenn Sie Frontdesk starten, erscheint die Rezeption dann sofort.</translation>
    </message>
    <message>
      <source>Only a desk started on its own store can open at login (not the demo).</source>
      <translation>Nur eine Rezeption, die mit ihrem eigenen Datenbestand gestartet wurde, kann beim Einloggen starten (nicht die Demo).</translation>
    </message>
    <message>
      <source>At the next login Frontdesk opens this store and waits in the background; starting Frontdesk then shows the desk at once.</source>
      <translation>Beim nächsten Einloggen öffnet Frontdesk diesen Datenbestand und wartet im Hintergrund; wenn Sie Frontdesk starten, erscheint die Rezeption dann sofort.</translation>
    </message>
    <message>
      <source>Frontdesk no longer opens at login.</source>
      <translation>Frontdesk startet nicht mehr beim Einloggen.</translation>
    </message>
    <message>
      <source>The login entry could not be changed: {why}</source>
      <translation>Der Autostart-Eintrag konnte nicht geändert werden: {why}</translation>
    </message>
    <message>
      <source>Quit the demo</source>
      <translation>Demo beenden</translation>
    </message>
    <message>
      <source>This is a throw-away demo store: quitting deletes it, with everything recorded in it. Quit?</source>
      <translation>Dies ist ein Wegwerf-Demobestand: Beim Beenden wird er mit allem, was darin erfasst wurde, gelöscht. Beenden?</translation>
    </message>
    <message>
      <source>Guest files saved in {folder}: {names}</source>
      <translation>Gastdateien gespeichert in {folder}: {names}</translation>
    </message>
  </context>
  <context>
    <name>MergeDialog</name>
    <message>
      <source>Merge guest profiles</source>
      <translation>Gastprofile zusammenführen</translation>
    </message>
    <message>
      <source>Two profiles of one person? Choose the profile to keep and the one to merge into it. Every visit, label and consent moves to the kept profile; the guest sees the merge in Show guest. You can undo a merge for {days} days.</source>
      <translation>Zwei Profile einer Person? Wählen Sie das Profil, das bleibt, und das Profil, das darin aufgeht. Alle Besuche, Merkmale und Einwilligungen wandern in das bleibende Profil; der Gast sieht die Zusammenführung unter „Dem Gast zeigen“. Sie können eine Zusammenführung {days} Tage lang rückgängig machen.</translation>
    </message>
    <message>
      <source>&amp;Keep this profile:</source>
      <translation>Dieses Profil &amp;behalten:</translation>
    </message>
    <message>
      <source>Merge &amp;this profile into it:</source>
      <translation>&amp;Dieses Profil darin aufgehen lassen:</translation>
    </message>
    <message>
      <source>Kept profile</source>
      <translation>Bleibendes Profil</translation>
    </message>
    <message>
      <source>Other profile</source>
      <translation>Anderes Profil</translation>
    </message>
    <message>
      <source>Visits</source>
      <translation>Besuche</translation>
    </message>
    <message>
      <source>Labels</source>
      <translation>Merkmale</translation>
    </message>
    <message>
      <source>Consents</source>
      <translation>Einwilligungen</translation>
    </message>
    <message>
      <source>&amp;Merge…</source>
      <translation>&amp;Zusammenführen…</translation>
    </message>
    <message>
      <source>&amp;Undo merge…</source>
      <translation>Zusammenführung &amp;rückgängig machen…</translation>
    </message>
    <message>
      <source>Recent merges:</source>
      <translation>Letzte Zusammenführungen:</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>(keine)</translation>
    </message>
    <message>
      <source>{n} (will move)</source>
      <translation>{n} (wandern mit)</translation>
    </message>
    <message>
      <source>No conflicts.</source>
      <translation>Keine Konflikte.</translation>
    </message>
    <message>
      <source>Merge “{other}” into “{keep}”? The other profile disappears; its visits, labels and consents move to the kept one. You can undo this for {days} days.</source>
      <translation>„{other}“ in „{keep}“ zusammenführen? Das andere Profil verschwindet; seine Besuche, Merkmale und Einwilligungen wandern in das bleibende. Sie können das {days} Tage lang rückgängig machen.</translation>
    </message>
    <message>
      <source>{kept} ← {other} · {when} · undo until {until}</source>
      <translation>{kept} ← {other} · {when} · rückgängig bis {until}</translation>
    </message>
    <message>
      <source>{kept} ← (another profile) · {when} · can no longer be undone</source>
      <translation>{kept} ← (ein anderes Profil) · {when} · nicht mehr rückgängig zu machen</translation>
    </message>
    <message>
      <source>Undo this merge? “{other}” becomes a profile of its own again, with the visits, labels and consents it had.</source>
      <translation>Diese Zusammenführung rückgängig machen? „{other}“ wird wieder ein eigenes Profil, mit den Besuchen, Merkmalen und Einwilligungen, die es hatte.</translation>
    </message>
  </context>
  <context>
    <name>MyProposalsDialog</name>
    <message>
      <source>My proposals</source>
      <translation>Meine Vorschläge</translation>
    </message>
    <message>
      <source>Labels you proposed</source>
      <translation>Von Ihnen vorgeschlagene Merkmale</translation>
    </message>
    <message>
      <source>&amp;Propose a new label…</source>
      <translation>Neues Merkmal &amp;vorschlagen…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Schließen</translation>
    </message>
    <message>
      <source>You have not proposed any labels yet.
When no approved label fits, propose one here or from the label picker.</source>
      <translation>Sie haben noch keine Merkmale vorgeschlagen.
Wenn kein genehmigtes Merkmal passt, schlagen Sie hier oder in der Merkmalauswahl eines vor.</translation>
    </message>
    <message>
      <source>A manager has not reviewed it yet.</source>
      <translation>Ein Manager hat es noch nicht geprüft.</translation>
    </message>
    <message>
      <source>Approved by {who}: add it from the label picker.</source>
      <translation>Genehmigt von {who}: Fügen Sie es über die Merkmalauswahl hinzu.</translation>
    </message>
    <message>
      <source>Rejected by {who}: {why}</source>
      <translation>Abgelehnt von {who}: {why}</translation>
    </message>
    <message>
      <source>It was approved and has since been retired.</source>
      <translation>Es wurde genehmigt und ist inzwischen stillgelegt.</translation>
    </message>
  </context>
  <context>
    <name>MyProposalsModel</name>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Staff wording</source>
      <translation>Formulierung für Mitarbeiter</translation>
    </message>
    <message>
      <source>Proposed</source>
      <translation>Vorgeschlagen</translation>
    </message>
    <message>
      <source>Manager's reason</source>
      <translation>Begründung des Managers</translation>
    </message>
  </context>
  <context>
    <name>OwnWordsDialog</name>
    <message>
      <source>Own words</source>
      <translation>Eigene Wörter</translation>
    </message>
    <message>
      <source>Words and phrases your venue never wants on a label (Block), or wants a reviewer to look at twice (Warn). They are checked with the built-in lists: case and accents do not matter, only whole words match, and a * at the end matches any ending ("allergi*").</source>
      <translation>Wörter und Wendungen, die Ihr Betrieb nie auf einem Merkmal haben möchte (Sperren) oder bei denen die prüfende Person zweimal hinsehen soll (Warnen). Sie werden zusammen mit den eingebauten Listen geprüft: Groß- und Kleinschreibung und Akzente spielen keine Rolle, nur ganze Wörter zählen, und ein * am Ende passt auf jede Endung ("allergi*").</translation>
    </message>
    <message>
      <source>Word or phrase</source>
      <translation>Wort oder Wendung</translation>
    </message>
    <message>
      <source>Check</source>
      <translation>Prüfung</translation>
    </message>
    <message>
      <source>e.g. platinum guest</source>
      <translation>z. B. Platin-Gast</translation>
    </message>
    <message>
      <source>Block</source>
      <translation>Sperren</translation>
    </message>
    <message>
      <source>Warn</source>
      <translation>Warnen</translation>
    </message>
    <message>
      <source>&amp;Add (Enter)</source>
      <translation>&amp;Hinzufügen (Eingabe)</translation>
    </message>
    <message>
      <source>&amp;Remove (Del)</source>
      <translation>&amp;Entfernen (Entf)</translation>
    </message>
    <message>
      <source>Kept in {path}</source>
      <translation>Gespeichert in {path}</translation>
    </message>
    <message>
      <source>“{phrase}” is on the list already.</source>
      <translation>„{phrase}“ steht bereits auf der Liste.</translation>
    </message>
  </context>
  <context>
    <name>ProposalDetail</name>
    <message>
      <source>Category</source>
      <translation>Kategorie</translation>
    </message>
    <message>
      <source>Sensitivity</source>
      <translation>Schutzbedarf</translation>
    </message>
    <message>
      <source>Kept for</source>
      <translation>Aufbewahrt</translation>
    </message>
    <message>
      <source>Proposed by</source>
      <translation>Vorgeschlagen von</translation>
    </message>
    <message>
      <source>⚕ Health information — only with the guest's explicit consent</source>
      <translation>⚕ Gesundheitsangabe — nur mit ausdrücklicher Einwilligung des Gastes</translation>
    </message>
    <message>
      <source>What the guest will see</source>
      <translation>Was der Gast sehen wird</translation>
    </message>
    <message>
      <source>I have read this &amp;warning</source>
      <translation>Ich habe diese &amp;Warnung gelesen</translation>
    </message>
    <message>
      <source>{days} days after it is added</source>
      <translation>{days} Tage nach dem Hinzufügen</translation>
    </message>
    <message>
      <source>{who}, {when}</source>
      <translation>{who}, {when}</translation>
    </message>
    <message>
      <source>unknown</source>
      <translation>unbekannt</translation>
    </message>
    <message>
      <source>✖ Cannot be approved</source>
      <translation>✖ Kann nicht genehmigt werden</translation>
    </message>
    <message>
      <source>⚠ Read the warning before approving</source>
      <translation>⚠ Lesen Sie die Warnung vor der Genehmigung</translation>
    </message>
    <message>
      <source>✓ The wording checks found nothing</source>
      <translation>✓ Die Formulierungsprüfung hat nichts gefunden</translation>
    </message>
    <message>
      <source>staff wording</source>
      <translation>Formulierung für Mitarbeiter</translation>
    </message>
    <message>
      <source>guest wording</source>
      <translation>Formulierung für den Gast</translation>
    </message>
    <message>
      <source>purpose</source>
      <translation>Zweck</translation>
    </message>
    <message>
      <source>Warning: </source>
      <translation>Warnung: </translation>
    </message>
    <message>
      <source>No judgement, health or vague words were found.</source>
      <translation>Es wurden keine wertenden, medizinischen oder vagen Wörter gefunden.</translation>
    </message>
  </context>
  <context>
    <name>ProposalDialog</name>
    <message>
      <source>Propose a new label</source>
      <translation>Neues Merkmal vorschlagen</translation>
    </message>
    <message>
      <source>Edit and approve a proposal</source>
      <translation>Vorschlag bearbeiten und genehmigen</translation>
    </message>
    <message>
      <source>Reword a label</source>
      <translation>Merkmal umformulieren</translation>
    </message>
    <message>
      <source>Write it as you would say it to the guest: what they told us or asked for, never a judgement. A manager reviews it before anyone can use it, and the guest can always read it.</source>
      <translation>Schreiben Sie es so, wie Sie es dem Gast sagen würden: was er uns gesagt oder worum er gebeten hat, nie ein Urteil. Ein Manager prüft es, bevor es jemand verwenden kann, und der Gast kann es jederzeit lesen.</translation>
    </message>
    <message>
      <source>Your edit replaces the proposal. The wording checks run again before it is approved.</source>
      <translation>Ihre Bearbeitung ersetzt den Vorschlag. Die Formulierungsprüfung läuft vor der Genehmigung erneut.</translation>
    </message>
    <message>
      <source>Guests who carry this label will see the new wording at once.</source>
      <translation>Gäste mit diesem Merkmal sehen die neue Formulierung sofort.</translation>
    </message>
    <message>
      <source>{language} — required</source>
      <translation>{language} — erforderlich</translation>
    </message>
    <message>
      <source>{language} — optional</source>
      <translation>{language} — optional</translation>
    </message>
    <message>
      <source>Staff wording:</source>
      <translation>Formulierung für Mitarbeiter:</translation>
    </message>
    <message>
      <source>The guest reads:</source>
      <translation>Der Gast liest:</translation>
    </message>
    <message>
      <source>Why we keep it:</source>
      <translation>Warum wir es speichern:</translation>
    </message>
    <message>
      <source>&amp;Health information (special category)</source>
      <translation>&amp;Gesundheitsangabe (besondere Kategorie)</translation>
    </message>
    <message>
      <source>allergies, medical diets, mobility, hearing, sight — used only with the guest's explicit consent</source>
      <translation>Allergien, medizinische Ernährung, Mobilität, Hören, Sehen — nur mit ausdrücklicher Einwilligung des Gastes verwendet</translation>
    </message>
    <message>
      <source> days</source>
      <translation> Tage</translation>
    </message>
    <message>
      <source>&amp;Keep for:</source>
      <translation>&amp;Aufbewahren:</translation>
    </message>
    <message>
      <source>&amp;Category:</source>
      <translation>&amp;Kategorie:</translation>
    </message>
    <message>
      <source>after it is added to a guest</source>
      <translation>nachdem es einem Gast hinzugefügt wurde</translation>
    </message>
    <message>
      <source>I have &amp;read the warnings and the wording is right for the guest</source>
      <translation>Ich habe die Warnungen gelesen, und die Formulierung ist für den Gast &amp;richtig</translation>
    </message>
    <message>
      <source>Send &amp;proposal</source>
      <translation>&amp;Vorschlag senden</translation>
    </message>
    <message>
      <source>&amp;Approve edited label</source>
      <translation>Bearbeitetes Merkmal gene&amp;hmigen</translation>
    </message>
    <message>
      <source>Save &amp;wording</source>
      <translation>Formulierung &amp;speichern</translation>
    </message>
    <message>
      <source>{words}: this is health information. Tick “Health information” above to send it as a special-category label, or reword it.</source>
      <translation>{words}: Das ist eine Gesundheitsangabe. Setzen Sie oben das Häkchen bei „Gesundheitsangabe“, um es als Merkmal der besonderen Kategorie zu senden, oder formulieren Sie es um.</translation>
    </message>
    <message>
      <source>{words}: this is health information. Answer “Health” below, or reword it.</source>
      <translation>{words}: Das ist eine Gesundheitsangabe. Antworten Sie unten „Gesundheit“, oder formulieren Sie es um.</translation>
    </message>
    <message>
      <source>This wording cannot be sent: it judges a person. Change the marked words; the reason is under each field.</source>
      <translation>Diese Formulierung kann nicht gesendet werden: Sie urteilt über eine Person. Ändern Sie die markierten Wörter; der Grund steht unter jedem Feld.</translation>
    </message>
    <message>
      <source>Allowed, with a warning: a manager will look at the marked words again.</source>
      <translation>Erlaubt, mit einer Warnung: Ein Manager sieht sich die markierten Wörter noch einmal an.</translation>
    </message>
    <message>
      <source>✓ The wording checks found nothing.</source>
      <translation>✓ Die Formulierungsprüfung hat nichts gefunden.</translation>
    </message>
    <message>
      <source>Answer the question above: does this label reveal health, or another special category?</source>
      <translation>Beantworten Sie zuerst die Frage oben: Verrät dieses Merkmal Gesundheit oder eine andere besondere Kategorie?</translation>
    </message>
    <message>
      <source>A label that reveals another special category cannot be approved or kept: change the words, or cancel.</source>
      <translation>Ein Merkmal, das eine andere besondere Kategorie verrät, kann nicht genehmigt oder behalten werden: Ändern Sie die Worte, oder brechen Sie ab.</translation>
    </message>
    <message>
      <source>This label is in use as ordinary data, without consent: it cannot become health information. Retire it and propose a new health label.</source>
      <translation>Dieses Merkmal wird als gewöhnliche Angabe ohne Einwilligung verwendet: Es kann keine Gesundheitsangabe werden. Nehmen Sie es außer Gebrauch und schlagen Sie ein neues Gesundheitsmerkmal vor.</translation>
    </message>
    <message>
      <source>This is a health label, used with consent: retire it and propose new words instead.</source>
      <translation>Dies ist ein Gesundheitsmerkmal, verwendet mit Einwilligung: Nehmen Sie es außer Gebrauch und schlagen Sie stattdessen neue Worte vor.</translation>
    </message>
  </context>
  <context>
    <name>QMessageBox</name>
    <message>
      <source>Your recovery passphrase</source>
      <translation>Ihre Wiederherstellungs-Passphrase</translation>
    </message>
    <message>
      <source>Write this recovery passphrase down and lock it away. It is shown only this once.</source>
      <translation>Schreiben Sie diese Wiederherstellungs-Passphrase auf und schließen Sie sie sicher weg. Sie wird nur dieses eine Mal angezeigt.</translation>
    </message>
    <message>
      <source>If this computer's keyring is ever locked or lost, it opens the store. Without it (or a backup and its passphrase) nobody can open the store.</source>
      <translation>Wenn der Schlüsselbund dieses Computers einmal gesperrt ist oder verloren geht, öffnet sie den Datenbestand. Ohne sie (oder eine Sicherung mit ihrer Passphrase) kann niemand den Datenbestand öffnen.</translation>
    </message>
  </context>
  <context>
    <name>QuitDialog</name>
    <message>
      <source>Quit Frontdesk</source>
      <translation>Frontdesk beenden</translation>
    </message>
    <message>
      <source>The desk is locked. To quit, {name} or a manager types their PIN.</source>
      <translation>Die Rezeption ist gesperrt. Zum Beenden gibt {name} oder ein Manager die eigene PIN ein.</translation>
    </message>
    <message>
      <source>&amp;Name:</source>
      <translation>&amp;Name:</translation>
    </message>
    <message>
      <source>&amp;PIN:</source>
      <translation>&amp;PIN:</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Beenden</translation>
    </message>
    <message>
      <source>Choose your name first.</source>
      <translation>Wählen Sie zuerst Ihren Namen.</translation>
    </message>
  </context>
  <context>
    <name>RejectDialog</name>
    <message>
      <source>Reject a proposal</source>
      <translation>Vorschlag ablehnen</translation>
    </message>
    <message>
      <source>Reject “{wording}”?</source>
      <translation>„{wording}“ ablehnen?</translation>
    </message>
    <message>
      <source>Why? The proposer will see this.</source>
      <translation>Warum? Die vorschlagende Person sieht das.</translation>
    </message>
    <message>
      <source>Optional: about the wording only, never about a guest</source>
      <translation>Optional: nur zur Formulierung, nie zu einem Gast</translation>
    </message>
    <message>
      <source>&amp;Note:</source>
      <translation>&amp;Anmerkung:</translation>
    </message>
    <message>
      <source>Re&amp;ject proposal</source>
      <translation>Vorschlag a&amp;blehnen</translation>
    </message>
  </context>
  <context>
    <name>RemovalDialog</name>
    <message>
      <source>Remove label</source>
      <translation>Merkmal entfernen</translation>
    </message>
    <message>
      <source>Remove “{label}”?</source>
      <translation>„{label}“ entfernen?</translation>
    </message>
    <message>
      <source>Why is it removed?</source>
      <translation>Warum wird es entfernt?</translation>
    </message>
    <message>
      <source>&amp;Remove label</source>
      <translation>Merkmal &amp;entfernen</translation>
    </message>
  </context>
  <context>
    <name>ResetPinDialog</name>
    <message>
      <source>Reset PIN</source>
      <translation>PIN zurücksetzen</translation>
    </message>
    <message>
      <source>A new PIN for {name}. Tell it to them in person; they can sign in with it at once.</source>
      <translation>Eine neue PIN für {name}. Teilen Sie sie persönlich mit; damit kann sich die Person sofort anmelden.</translation>
    </message>
    <message>
      <source>New &amp;PIN (4–12 digits):</source>
      <translation>Neue &amp;PIN (4–12 Ziffern):</translation>
    </message>
    <message>
      <source>PIN &amp;again:</source>
      <translation>PIN &amp;wiederholen:</translation>
    </message>
    <message>
      <source>The two PINs differ. Type the same PIN twice.</source>
      <translation>Die beiden PINs stimmen nicht überein. Geben Sie zweimal dieselbe PIN ein.</translation>
    </message>
  </context>
  <context>
    <name>RestoreDialog</name>
    <message>
      <source>The store did not open</source>
      <translation>Der Datenbestand wurde nicht geöffnet</translation>
    </message>
    <message>
      <source>Checking and restoring the backup…</source>
      <translation>Die Sicherung wird geprüft und wiederhergestellt…</translation>
    </message>
    <message>
      <source>Restore</source>
      <translation>Wiederherstellen</translation>
    </message>
    <message>
      <source>This store cannot be restored from here (a demo or shared store). On the computer that keeps the store, use: frontdesk restore --from FILE</source>
      <translation>Dieser Datenbestand kann nicht von hier aus wiederhergestellt werden (ein Demo- oder gemeinsamer Datenbestand). Verwenden Sie auf dem Computer, der den Datenbestand führt: frontdesk restore --from DATEI</translation>
    </message>
    <message>
      <source>Restore anyway?</source>
      <translation>Trotzdem wiederherstellen?</translation>
    </message>
    <message>
      <source>The backup was restored: integrity check passed, {n} audit events verified. Sign in again.</source>
      <translation>Die Sicherung wurde wiederhergestellt: Integritätsprüfung bestanden, {n} Protokollereignisse geprüft. Melden Sie sich erneut an.</translation>
    </message>
    <message>
      <source>{n} guest(s) who asked to be erased after this backup was made were erased again.</source>
      <translation>{n} Gast/Gäste, die nach Erstellung dieser Sicherung um Löschung gebeten hatten, wurden erneut gelöscht.</translation>
    </message>
    <message>
      <source>This computer had no record of erasures since the backup: any guest erased since then is back, and must be erased again.</source>
      <translation>Dieser Computer kannte die Löschungen seit der Sicherung nicht: Jeder Gast, der seitdem gelöscht wurde, ist wieder da und muss erneut gelöscht werden.</translation>
    </message>
    <message>
      <source>The store it replaced is kept in {folder}.</source>
      <translation>Der ersetzte Datenbestand wird in {folder} aufbewahrt.</translation>
    </message>
    <message>
      <source>Restored</source>
      <translation>Wiederhergestellt</translation>
    </message>
    <message>
      <source>Nothing was restored.</source>
      <translation>Es wurde nichts wiederhergestellt.</translation>
    </message>
    <message>
      <source>Not restored</source>
      <translation>Nicht wiederhergestellt</translation>
    </message>
    <message>
      <source>Restore from a backup</source>
      <translation>Aus Sicherung wiederherstellen</translation>
    </message>
    <message>
      <source>Restoring replaces everything in this store with the backup. The backup is checked first (passphrase, integrity, audit log); if a check fails nothing is replaced. The current store is kept beside it. Everyone is signed out.</source>
      <translation>Das Wiederherstellen ersetzt alles in diesem Datenbestand durch die Sicherung. Die Sicherung wird zuerst geprüft (Passphrase, Integrität, Protokoll); schlägt eine Prüfung fehl, wird nichts ersetzt. Der aktuelle Datenbestand wird daneben aufbewahrt. Alle werden abgemeldet.</translation>
    </message>
    <message>
      <source>a .fdbackup file</source>
      <translation>eine .fdbackup-Datei</translation>
    </message>
    <message>
      <source>&amp;Choose…</source>
      <translation>&amp;Auswählen…</translation>
    </message>
    <message>
      <source>&amp;Backup:</source>
      <translation>&amp;Sicherung:</translation>
    </message>
    <message>
      <source>&amp;Passphrase:</source>
      <translation>&amp;Passphrase:</translation>
    </message>
    <message>
      <source>&amp;Restore</source>
      <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
      <source>Choose the backup</source>
      <translation>Sicherung auswählen</translation>
    </message>
    <message>
      <source>Frontdesk backups (*.fdbackup);;All files (*)</source>
      <translation>Frontdesk-Sicherungen (*.fdbackup);;Alle Dateien (*)</translation>
    </message>
    <message>
      <source>Backup made {when}</source>
      <translation>Sicherung vom {when}</translation>
    </message>
    <message>
      <source>Choose the backup file first.</source>
      <translation>Wählen Sie zuerst die Sicherungsdatei.</translation>
    </message>
    <message>
      <source>Type the backup's passphrase.</source>
      <translation>Geben Sie die Passphrase der Sicherung ein.</translation>
    </message>
  </context>
  <context>
    <name>Retention</name>
    <message>
      <source>Guest</source>
      <translation>Gast</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Abbrechen</translation>
    </message>
    <message>
      <source>Email</source>
      <translation>E-Mail</translation>
    </message>
    <message>
      <source>The guest has a booking or stay coming up</source>
      <translation>Der Gast hat demnächst eine Reservierung oder einen Aufenthalt</translation>
    </message>
    <message>
      <source>The guest asked us to keep their details</source>
      <translation>Der Gast hat uns gebeten, seine Angaben aufzubewahren</translation>
    </message>
    <message>
      <source>We must keep the record for a legal reason (invoice, claim)</source>
      <translation>Wir müssen die Daten aus rechtlichen Gründen aufbewahren (Rechnung, Reklamation)</translation>
    </message>
    <message>
      <source>The guest visits our other venue or was seen recently</source>
      <translation>Der Gast besucht unseren anderen Betrieb oder war kürzlich hier</translation>
    </message>
    <message>
      <source>Erase a guest</source>
      <translation>Gast löschen</translation>
    </message>
    <message>
      <source>Erase {name} completely? Their details, labels, visits and consents are deleted at once and cannot be restored. The audit log keeps only an anonymous token.

Type your PIN to confirm.</source>
      <translation>{name} vollständig löschen? Angaben, Merkmale, Besuche und Einwilligungen werden sofort gelöscht und können nicht wiederhergestellt werden. Das Protokoll behält nur eine anonyme Kennung.

Geben Sie zur Bestätigung Ihre PIN ein.</translation>
    </message>
    <message>
      <source>Erasing {name}…</source>
      <translation>{name} wird gelöscht…</translation>
    </message>
    <message>
      <source>Erase everything</source>
      <translation>Alles löschen</translation>
    </message>
    <message>
      <source>The guest could not be erased; nothing was changed. Try again, or ask your technical contact.</source>
      <translation>Der Gast konnte nicht gelöscht werden; es wurde nichts geändert. Versuchen Sie es erneut oder fragen Sie Ihren technischen Ansprechpartner.</translation>
    </message>
    <message>
      <source>Retention review</source>
      <translation>Aufbewahrungsfristen prüfen</translation>
    </message>
    <message>
      <source>Guests not seen for</source>
      <translation>Gäste nicht gesehen seit</translation>
    </message>
    <message>
      <source> months</source>
      <translation> Monaten</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>Übernehmen</translation>
    </message>
    <message>
      <source>These guests have not visited for the retention period. Erase each one, or keep them with a reason: a kept guest comes back to this list after another period.</source>
      <translation>Diese Gäste waren während der gesamten Aufbewahrungsfrist nicht hier. Löschen Sie jeden einzeln oder behalten Sie ihn mit einem Grund: Ein behaltener Gast erscheint nach einer weiteren Frist wieder auf dieser Liste.</translation>
    </message>
    <message>
      <source>Last seen</source>
      <translation>Zuletzt gesehen</translation>
    </message>
    <message>
      <source>Nobody is due for review.</source>
      <translation>Niemand ist zur Prüfung fällig.</translation>
    </message>
    <message>
      <source>Keep, because:</source>
      <translation>Behalten, weil:</translation>
    </message>
    <message>
      <source>&amp;Keep</source>
      <translation>&amp;Behalten</translation>
    </message>
    <message>
      <source>&amp;Erase…</source>
      <translation>&amp;Löschen…</translation>
    </message>
    <message>
      <source>Kept {name}.</source>
      <translation>{name} behalten.</translation>
    </message>
    <message>
      <source>Erased {name}.</source>
      <translation>{name} gelöscht.</translation>
    </message>
    <message>
      <source>Rete&amp;ntion…</source>
      <translation>&amp;Aufbewahrungsfristen…</translation>
    </message>
  </context>
  <context>
    <name>RetentionDialog</name>
    <message>
      <source>Change retention</source>
      <translation>Aufbewahrungsfrist ändern</translation>
    </message>
    <message>
      <source> days</source>
      <translation> Tage</translation>
    </message>
    <message>
      <source>Now kept for {old} days. {n} guest(s) carry it: their labels will expire the new number of days after each was added — a shorter period can end some at once.</source>
      <translation>Derzeit {old} Tage aufbewahrt. {n} Gast/Gäste haben es: Ihre Merkmale laufen die neue Anzahl Tage nach dem jeweiligen Hinzufügen ab — bei einer kürzeren Frist können einige sofort ablaufen.</translation>
    </message>
    <message>
      <source>&amp;Keep for:</source>
      <translation>&amp;Aufbewahren:</translation>
    </message>
    <message>
      <source>&amp;Change retention</source>
      <translation>Aufbewahrungsfrist ä&amp;ndern</translation>
    </message>
  </context>
  <context>
    <name>RetireDialog</name>
    <message>
      <source>Retire a label</source>
      <translation>Merkmal stilllegen</translation>
    </message>
    <message>
      <source>Retire “{w}”?</source>
      <translation>„{w}“ stilllegen?</translation>
    </message>
    <message>
      <source>Nobody can add it to a guest any more. {n} guest(s) carry it now. What happens to theirs?</source>
      <translation>Niemand kann es danach noch einem Gast hinzufügen. {n} Gast/Gäste haben es zurzeit. Was geschieht mit ihren Merkmalen?</translation>
    </message>
    <message>
      <source>&amp;Take it off all {n} guest(s) now</source>
      <translation>Jetzt bei allen {n} Gast/Gästen &amp;entfernen</translation>
    </message>
    <message>
      <source>&amp;Leave it on until each one expires (after {days} days)</source>
      <translation>&amp;Belassen, bis es jeweils abläuft (nach {days} Tagen)</translation>
    </message>
    <message>
      <source>&amp;Retire label</source>
      <translation>Merkmal &amp;stilllegen</translation>
    </message>
  </context>
  <context>
    <name>ReviewModel</name>
    <message>
      <source>Check</source>
      <translation>Prüfung</translation>
    </message>
    <message>
      <source>Staff wording</source>
      <translation>Formulierung für Mitarbeiter</translation>
    </message>
    <message>
      <source>Proposed by</source>
      <translation>Vorgeschlagen von</translation>
    </message>
  </context>
  <context>
    <name>ReviewQueueDialog</name>
    <message>
      <source>Review proposed labels</source>
      <translation>Vorgeschlagene Merkmale prüfen</translation>
    </message>
    <message>
      <source>&amp;Approve</source>
      <translation>&amp;Genehmigen</translation>
    </message>
    <message>
      <source>&amp;Edit and approve…</source>
      <translation>&amp;Bearbeiten und genehmigen…</translation>
    </message>
    <message>
      <source>&amp;Reject…</source>
      <translation>&amp;Ablehnen…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Schließen</translation>
    </message>
    <message>
      <source>Review proposed labels — {n} waiting</source>
      <translation>Vorgeschlagene Merkmale prüfen — {n} wartend</translation>
    </message>
    <message>
      <source>No proposals are waiting.
Staff propose new labels from the label picker.</source>
      <translation>Es warten keine Vorschläge.
Mitarbeiter schlagen neue Merkmale in der Merkmalauswahl vor.</translation>
    </message>
    <message>
      <source>Nothing to review.</source>
      <translation>Nichts zu prüfen.</translation>
    </message>
    <message>
      <source>Approve is off: the wording checks block this proposal. Edit the wording, or reject it with a reason.</source>
      <translation>Genehmigen ist nicht möglich: Die Formulierungsprüfung blockiert diesen Vorschlag. Bearbeiten Sie die Formulierung oder lehnen Sie sie mit einer Begründung ab.</translation>
    </message>
    <message>
      <source>Answer the question first: does this label reveal health, or another special category?</source>
      <translation>Beantworten Sie zuerst die Frage: Verrät dieses Merkmal Gesundheit oder eine andere besondere Kategorie?</translation>
    </message>
    <message>
      <source>A label that reveals another special category cannot be approved: reject it, or edit it so it says only what the guest needs.</source>
      <translation>Ein Merkmal, das eine andere besondere Kategorie verrät, kann nicht genehmigt werden: Lehnen Sie es ab, oder bearbeiten Sie es so, dass es nur sagt, was der Gast braucht.</translation>
    </message>
    <message>
      <source>Tick “I have read this warning” to approve.</source>
      <translation>Setzen Sie das Häkchen bei „Ich habe diese Warnung gelesen“, um zu genehmigen.</translation>
    </message>
    <message>
      <source>Not approved</source>
      <translation>Nicht genehmigt</translation>
    </message>
    <message>
      <source>Approved “{w}”: staff can add it from the label picker now.</source>
      <translation>„{w}“ genehmigt: Mitarbeiter können es jetzt in der Merkmalauswahl hinzufügen.</translation>
    </message>
    <message>
      <source>Edited and approved “{w}”.</source>
      <translation>„{w}“ bearbeitet und genehmigt.</translation>
    </message>
    <message>
      <source>Not rejected</source>
      <translation>Nicht abgelehnt</translation>
    </message>
    <message>
      <source>Rejected “{w}”. The proposer sees your reason.</source>
      <translation>„{w}“ abgelehnt. Die vorschlagende Person sieht Ihre Begründung.</translation>
    </message>
  </context>
  <context>
    <name>RoleDialog</name>
    <message>
      <source>Change role</source>
      <translation>Rolle ändern</translation>
    </message>
    <message>
      <source>{name} is now {role}. What they may do follows their role.</source>
      <translation>{name} ist jetzt {role}. Was die Person darf, richtet sich nach ihrer Rolle.</translation>
    </message>
    <message>
      <source>New &amp;role:</source>
      <translation>Neue &amp;Rolle:</translation>
    </message>
  </context>
  <context>
    <name>SearchResults</name>
    <message>
      <source>Searching…</source>
      <translation>Suche läuft…</translation>
    </message>
    <message>
      <source>Type part of a name, an email address or a phone number.</source>
      <translation>Geben Sie einen Teil eines Namens, eine E-Mail-Adresse oder eine Telefonnummer ein.</translation>
    </message>
    <message>
      <source>First {n} guests shown · ↑↓ choose, ↓ at the end shows more · Enter opens · Esc clears</source>
      <translation>Erste {n} Gäste angezeigt · ↑↓ wählen, ↓ am Ende zeigt mehr · Eingabe öffnet · Esc leert</translation>
    </message>
    <message>
      <source>{n} guests shown · ↑↓ choose · Enter opens · Esc clears</source>
      <translation>{n} Gäste angezeigt · ↑↓ wählen · Eingabe öffnet · Esc leert</translation>
    </message>
    <message>
      <source>1 guest · Enter opens · Esc clears</source>
      <translation>1 Gast · Eingabe öffnet · Esc leert</translation>
    </message>
    <message>
      <source>No guest matches what you typed.
Check the spelling, or press Ctrl+N to add a new guest.</source>
      <translation>Kein Gast passt zu Ihrer Eingabe.
Prüfen Sie die Schreibweise oder drücken Sie Strg+N, um einen neuen Gast anzulegen.</translation>
    </message>
    <message>
      <source>Finding more guests…</source>
      <translation>Weitere Gäste werden gesucht…</translation>
    </message>
  </context>
  <context>
    <name>SearchResultsModel</name>
    <message>
      <source>Preferred name</source>
      <translation>Rufname</translation>
    </message>
    <message>
      <source>Full name</source>
      <translation>Vollständiger Name</translation>
    </message>
    <message>
      <source>Matched</source>
      <translation>Treffer</translation>
    </message>
    <message>
      <source>Email</source>
      <translation>E-Mail</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Telefon</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>Sprache</translation>
    </message>
    <message>
      <source>today</source>
      <translation>heute</translation>
    </message>
    <message>
      <source>this week</source>
      <translation>diese Woche</translation>
    </message>
    <message>
      <source>Not an exact match of what you typed: check with the guest before greeting them by this name.</source>
      <translation>Keine genaue Übereinstimmung mit Ihrer Eingabe: Fragen Sie beim Gast nach, bevor Sie ihn mit diesem Namen begrüßen.</translation>
    </message>
  </context>
  <context>
    <name>ShowGuest</name>
    <message>
      <source>Show guest</source>
      <translation>Dem Gast zeigen</translation>
    </message>
  </context>
  <context>
    <name>SignInPage</name>
    <message>
      <source>Sign in</source>
      <translation>Anmelden</translation>
    </message>
    <message>
      <source>Choose your name and type your PIN.</source>
      <translation>Wählen Sie Ihren Namen und geben Sie Ihre PIN ein.</translation>
    </message>
    <message>
      <source>PIN</source>
      <translation>PIN</translation>
    </message>
    <message>
      <source>&amp;Sign in</source>
      <translation>&amp;Anmelden</translation>
    </message>
    <message>
      <source>&amp;Name:</source>
      <translation>&amp;Name:</translation>
    </message>
    <message>
      <source>&amp;PIN:</source>
      <translation>&amp;PIN:</translation>
    </message>
    <message>
      <source>Desk locked</source>
      <translation>Rezeption gesperrt</translation>
    </message>
    <message>
      <source>{name}, type your PIN to continue — or choose your own name to take over the desk.</source>
      <translation>{name}, geben Sie Ihre PIN ein, um fortzufahren — oder wählen Sie Ihren eigenen Namen, um die Rezeption zu übernehmen.</translation>
    </message>
    <message>
      <source>Choose your name first.</source>
      <translation>Wählen Sie zuerst Ihren Namen.</translation>
    </message>
  </context>
  <context>
    <name>SpecialQuestion</name>
    <message>
      <source>Does this label reveal health, or another special category of personal data?</source>
      <translation>Verrät dieses Merkmal Gesundheit oder eine andere besondere Kategorie personenbezogener Daten?</translation>
    </message>
    <message>
      <source>&amp;No — ordinary service data</source>
      <translation>&amp;Nein — gewöhnliche Serviceangabe</translation>
    </message>
    <message>
      <source>&amp;Health — used only with the guest's explicit consent</source>
      <translation>Gesundhei&amp;t — nur mit ausdrücklicher Einwilligung des Gastes</translation>
    </message>
    <message>
      <source>Ano&amp;ther special category — cannot be approved</source>
      <translation>Andere besondere Kat&amp;egorie — kann nicht genehmigt werden</translation>
    </message>
    <message>
      <source>Origin or nationality, religion, sexual life or orientation, political opinions, union membership, genetic or biometric data.</source>
      <translation>Herkunft oder Nationalität, Religion, Sexualleben oder Orientierung, politische Meinungen, Gewerkschaftszugehörigkeit, genetische oder biometrische Daten.</translation>
    </message>
    <message>
      <source>Other special categories: origin or nationality, religion, sexual life or orientation, political opinions, union membership, genetic or biometric data.</source>
      <translation>Andere besondere Kategorien: Herkunft oder Nationalität, Religion, Sexualleben oder Orientierung, politische Meinungen, Gewerkschaftszugehörigkeit, genetische oder biometrische Daten.</translation>
    </message>
    <message>
      <source>health ({words})</source>
      <translation>Gesundheit ({words})</translation>
    </message>
    <message>
      <source>{category} ({words})</source>
      <translation>{category} ({words})</translation>
    </message>
    <message>
      <source>The automatic check found: {found}.</source>
      <translation>Die automatische Prüfung fand: {found}.</translation>
    </message>
    <message>
      <source>The automatic check found no health or other special category — it can miss words it does not know.</source>
      <translation>Die automatische Prüfung fand keine Gesundheit und keine andere besondere Kategorie — Wörter, die sie nicht kennt, kann sie übersehen.</translation>
    </message>
  </context>
  <context>
    <name>StaffDialog</name>
    <message>
      <source>Staff</source>
      <translation>Mitarbeiter</translation>
    </message>
    <message>
      <source>&amp;Add staff member…</source>
      <translation>Mitarbeiter &amp;hinzufügen…</translation>
    </message>
    <message>
      <source>&amp;Deactivate</source>
      <translation>&amp;Deaktivieren</translation>
    </message>
    <message>
      <source>Reset &amp;PIN…</source>
      <translation>&amp;PIN zurücksetzen…</translation>
    </message>
    <message>
      <source>&amp;Unlock</source>
      <translation>&amp;Entsperren</translation>
    </message>
    <message>
      <source>Change &amp;role…</source>
      <translation>&amp;Rolle ändern…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Schließen</translation>
    </message>
    <message>
      <source>Deactivated staff can no longer sign in; their name stays on what they recorded. Five wrong PINs lock an account for five minutes; Unlock lifts it now. Every change here is in the audit log.</source>
      <translation>Deaktivierte Mitarbeiter können sich nicht mehr anmelden; ihr Name bleibt bei allem stehen, was sie erfasst haben. Fünf falsche PINs sperren ein Konto für fünf Minuten; „Entsperren“ hebt die Sperre sofort auf. Jede Änderung hier steht im Protokoll.</translation>
    </message>
    <message>
      <source>Re&amp;activate</source>
      <translation>&amp;Reaktivieren</translation>
    </message>
    <message>
      <source>New PIN set for {name}.</source>
      <translation>Neue PIN für {name} festgelegt.</translation>
    </message>
    <message>
      <source>Role changed for {name}.</source>
      <translation>Rolle von {name} geändert.</translation>
    </message>
    <message>
      <source>{name} can sign in again.</source>
      <translation>{name} kann sich wieder anmelden.</translation>
    </message>
    <message>
      <source>Deactivate</source>
      <translation>Deaktivieren</translation>
    </message>
    <message>
      <source>Deactivate {name}? They can no longer sign in.</source>
      <translation>{name} deaktivieren? Diese Person kann sich dann nicht mehr anmelden.</translation>
    </message>
  </context>
  <context>
    <name>StaffModel</name>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>Rolle</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>deactivated</source>
      <translation>deaktiviert</translation>
    </message>
    <message>
      <source>locked (wrong PINs)</source>
      <translation>gesperrt (falsche PINs)</translation>
    </message>
    <message>
      <source>active</source>
      <translation>aktiv</translation>
    </message>
  </context>
  <context>
    <name>StaffPage</name>
    <message>
      <source>For staff: type your PIN ({name}), or a manager's, to return to the desk.</source>
      <translation>Für Mitarbeiter: Geben Sie Ihre PIN ({name}) oder die eines Managers ein, um zur Rezeption zurückzukehren.</translation>
    </message>
    <message>
      <source>Return to desk</source>
      <translation>Zurück zur Rezeption</translation>
    </message>
    <message>
      <source>Files made for the guest (folder for guest files): {names}</source>
      <translation>Für den Gast erstellte Dateien (Ordner für Gastdateien): {names}</translation>
    </message>
  </context>
  <context>
    <name>StoreOpen</name>
    <message>
      <source>The store did not open</source>
      <translation>Der Datenbestand wurde nicht geöffnet</translation>
    </message>
    <message>
      <source>Frontdesk could not open its store.</source>
      <translation>Frontdesk konnte seinen Datenbestand nicht öffnen.</translation>
    </message>
    <message>
      <source>&amp;Retry</source>
      <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Beenden</translation>
    </message>
    <message>
      <source>demo (throw-away)</source>
      <translation>Demo (wird verworfen)</translation>
    </message>
  </context>
  <context>
    <name>TodayView</name>
    <message>
      <source>Da&amp;te:</source>
      <translation>&amp;Datum:</translation>
    </message>
    <message>
      <source>T&amp;oday</source>
      <translation>He&amp;ute</translation>
    </message>
    <message>
      <source>Se&amp;rvice:</source>
      <translation>Ser&amp;vice:</translation>
    </message>
    <message>
      <source>Enter opens the guest card · Space or A marks arrived</source>
      <translation>Eingabe öffnet die Gastkarte · Leertaste oder A markiert als angekommen</translation>
    </message>
    <message>
      <source>Hotel &amp;arrivals</source>
      <translation>Hotel&amp;anreisen</translation>
    </message>
    <message>
      <source>Restaurant &amp;bookings</source>
      <translation>&amp;Tischreservierungen</translation>
    </message>
    <message>
      <source>Cannot show the list</source>
      <translation>Die Liste lässt sich nicht anzeigen</translation>
    </message>
    <message>
      <source>No arrivals for {day}</source>
      <translation>Keine Anreisen am {day}</translation>
    </message>
    <message>
      <source>No {service} bookings for {day}</source>
      <translation>Keine Reservierungen für {service} am {day}</translation>
    </message>
    <message>
      <source>Not marked</source>
      <translation>Nicht markiert</translation>
    </message>
    <message>
      <source>{name} marked as arrived — press Space again to undo</source>
      <translation>{name} als angekommen markiert — zum Rückgängigmachen erneut die Leertaste drücken</translation>
    </message>
    <message>
      <source>{name} is expected again</source>
      <translation>{name} wird wieder erwartet</translation>
    </message>
  </context>
  <context>
    <name>VenueSettingsDialog</name>
    <message>
      <source>Venue settings</source>
      <translation>Einstellungen des Betriebs</translation>
    </message>
    <message>
      <source>No printer found on this computer</source>
      <translation>Auf diesem Computer wurde kein Drucker gefunden</translation>
    </message>
    <message>
      <source>C&amp;hoose…</source>
      <translation>Aus&amp;wählen…</translation>
    </message>
    <message>
      <source> days</source>
      <translation> Tage</translation>
    </message>
    <message>
      <source>Folder for guest files</source>
      <translation>Ordner für Gastdateien</translation>
    </message>
  </context>
  <context>
    <name>VisitDialog</name>
    <message>
      <source>New booking or stay</source>
      <translation>Neue Reservierung oder neuer Aufenthalt</translation>
    </message>
    <message>
      <source>For {name}</source>
      <translation>Für {name}</translation>
    </message>
    <message>
      <source>e.g. 204 or T7 (optional)</source>
      <translation>z. B. 204 oder T7 (optional)</translation>
    </message>
    <message>
      <source>&amp;Kind:</source>
      <translation>&amp;Art:</translation>
    </message>
    <message>
      <source>&amp;Date:</source>
      <translation>&amp;Datum:</translation>
    </message>
    <message>
      <source>&amp;Time:</source>
      <translation>&amp;Uhrzeit:</translation>
    </message>
    <message>
      <source>&amp;Nights:</source>
      <translation>&amp;Nächte:</translation>
    </message>
    <message>
      <source>&amp;Service:</source>
      <translation>Ser&amp;vice:</translation>
    </message>
    <message>
      <source>&amp;Party size:</source>
      <translation>&amp;Personen:</translation>
    </message>
    <message>
      <source>&amp;Room or table:</source>
      <translation>&amp;Zimmer oder Tisch:</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>&amp;Speichern</translation>
    </message>
    <message>
      <source>This date is before today: the visit will be recorded as one that happened (arrived), not as expected.</source>
      <translation>Dieses Datum liegt vor heute: Der Besuch wird als stattgefunden (angekommen) erfasst, nicht als erwartet.</translation>
    </message>
    <message>
      <source>Type the number of guests (1 or more).</source>
      <translation>Geben Sie die Anzahl der Gäste ein (1 oder mehr).</translation>
    </message>
    <message>
      <source>&amp;Save as a past visit</source>
      <translation>Als früheren Besuch &amp;speichern</translation>
    </message>
  </context>
  <context>
    <name>VisitsModel</name>
    <message>
      <source>Date</source>
      <translation>Datum</translation>
    </message>
    <message>
      <source>Visit</source>
      <translation>Besuch</translation>
    </message>
    <message>
      <source>Room/table</source>
      <translation>Zimmer/Tisch</translation>
    </message>
    <message>
      <source>Party</source>
      <translation>Personen</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Restaurant</source>
      <translation>Restaurant</translation>
    </message>
    <message>
      <source>Stay</source>
      <translation>Aufenthalt</translation>
    </message>
  </context>
  <context>
    <name>VocabularyDialog</name>
    <message>
      <source>Vocabulary</source>
      <translation>Vokabular</translation>
    </message>
    <message>
      <source>Type to filter labels (Ctrl+F)</source>
      <translation>Tippen, um Merkmale zu filtern (Strg+F)</translation>
    </message>
    <message>
      <source>&amp;Find:</source>
      <translation>&amp;Suchen:</translation>
    </message>
    <message>
      <source>Re&amp;word…</source>
      <translation>&amp;Umformulieren…</translation>
    </message>
    <message>
      <source>Change &amp;retention…</source>
      <translation>Aufbewahrungs&amp;frist ändern…</translation>
    </message>
    <message>
      <source>Re&amp;tire…</source>
      <translation>S&amp;tilllegen…</translation>
    </message>
    <message>
      <source>Wording &amp;settings…</source>
      <translation>&amp;Einstellungen für Formulierungen…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Schließen</translation>
    </message>
    <message>
      <source>No label matches.</source>
      <translation>Kein Merkmal passt.</translation>
    </message>
    <message>
      <source>Wording settings saved.</source>
      <translation>Einstellungen für Formulierungen gespeichert.</translation>
    </message>
    <message>
      <source>Reworded. Guests who carry it see the new wording.</source>
      <translation>Umformuliert. Gäste mit diesem Merkmal sehen die neue Formulierung.</translation>
    </message>
    <message>
      <source>Retention not changed</source>
      <translation>Aufbewahrungsfrist nicht geändert</translation>
    </message>
    <message>
      <source>Retention changed; {n} guest label(s) got a new expiry date.</source>
      <translation>Aufbewahrungsfrist geändert; {n} Gastmerkmal(e) haben ein neues Ablaufdatum.</translation>
    </message>
    <message>
      <source>Not retired</source>
      <translation>Nicht stillgelegt</translation>
    </message>
    <message>
      <source>Retired; taken off {n} guest(s).</source>
      <translation>Stillgelegt; bei {n} Gast/Gästen entfernt.</translation>
    </message>
    <message>
      <source>Retired; guests keep it until it expires.</source>
      <translation>Stillgelegt; Gäste behalten es, bis es abläuft.</translation>
    </message>
  </context>
  <context>
    <name>VocabularyModel</name>
    <message>
      <source>Staff wording</source>
      <translation>Formulierung für Mitarbeiter</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>Kategorie</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Guests</source>
      <translation>Gäste</translation>
    </message>
    <message>
      <source>Kept for</source>
      <translation>Aufbewahrt</translation>
    </message>
    <message>
      <source>in use</source>
      <translation>in Gebrauch</translation>
    </message>
    <message>
      <source>retired</source>
      <translation>stillgelegt</translation>
    </message>
    <message>
      <source>{n} days</source>
      <translation>{n} Tage</translation>
    </message>
  </context>
  <context>
    <name>WordingSettingsDialog</name>
    <message>
      <source>Wording settings</source>
      <translation>Einstellungen für Formulierungen</translation>
    </message>
    <message>
      <source>Optional: a .toml file in the same format as the built-in rules</source>
      <translation>Optional: eine .toml-Datei im selben Format wie die eingebauten Regeln</translation>
    </message>
    <message>
      <source>&amp;Browse…</source>
      <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
      <source>none</source>
      <translation>keine</translation>
    </message>
    <message>
      <source>Proposals are checked with the built-in word lists plus your own. A file named wording_rules.toml in {folder} is always used; the file chosen here is added for this venue.
Extra files in use: {loaded}</source>
      <translation>Vorschläge werden mit den eingebauten Wortlisten und Ihren eigenen geprüft. Eine Datei namens wording_rules.toml in {folder} wird immer verwendet; die hier gewählte Datei kommt für diesen Betrieb hinzu.
Zusätzliche Dateien in Gebrauch: {loaded}</translation>
    </message>
    <message>
      <source>Proposals must at least be worded in:</source>
      <translation>Vorschläge müssen mindestens formuliert sein auf:</translation>
    </message>
    <message>
      <source>Extra wording rules file:</source>
      <translation>Zusätzliche Datei mit Formulierungsregeln:</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>&amp;Speichern</translation>
    </message>
    <message>
      <source>Wording rules file</source>
      <translation>Datei mit Formulierungsregeln</translation>
    </message>
    <message>
      <source>Wording rules (*.toml)</source>
      <translation>Formulierungsregeln (*.toml)</translation>
    </message>
  </context>
</TS>
