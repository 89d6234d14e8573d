<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
  <context>
    <name>AddStaffDialog</name>
    <message>
      <source>Add staff member</source>
      <translation>Medewerker toevoegen</translation>
    </message>
    <message>
      <source>&amp;Name:</source>
      <translation>&amp;Naam:</translation>
    </message>
    <message>
      <source>&amp;Role:</source>
      <translation>&amp;Rol:</translation>
    </message>
    <message>
      <source>&amp;PIN (4–12 digits):</source>
      <translation>&amp;Pincode (4–12 cijfers):</translation>
    </message>
    <message>
      <source>PIN &amp;again:</source>
      <translation>Pincode &amp;herhalen:</translation>
    </message>
    <message>
      <source>The two PINs differ. Type the same PIN twice.</source>
      <translation>De twee pincodes verschillen. Typ twee keer dezelfde pincode.</translation>
    </message>
  </context>
  <context>
    <name>ArrivalsModel</name>
    <message>
      <source>Room</source>
      <translation>Kamer</translation>
    </message>
    <message>
      <source>Table</source>
      <translation>Tafel</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>Tijd</translation>
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
      <translation>Gezondheid</translation>
    </message>
    <message>
      <source>Greeting cue</source>
      <translation>Begroeting</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Health information (with the guest's consent): {labels}</source>
      <translation>Gezondheidsinformatie (met toestemming van de gast): {labels}</translation>
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
      <translation>Wanneer</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>Wie</translation>
    </message>
    <message>
      <source>What happened</source>
      <translation>Wat er gebeurde</translation>
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
      <translation>Logboek</translation>
    </message>
    <message>
      <source>&amp;Verify again</source>
      <translation>Opnieuw &amp;controleren</translation>
    </message>
    <message>
      <source>Everyone</source>
      <translation>Iedereen</translation>
    </message>
    <message>
      <source>Every action</source>
      <translation>Alle handelingen</translation>
    </message>
    <message>
      <source>guest token</source>
      <translation>gastcode</translation>
    </message>
    <message>
      <source>&amp;Pick guest…</source>
      <translation>Gast &amp;kiezen…</translation>
    </message>
    <message>
      <source>&amp;Dates</source>
      <translation>&amp;Data</translation>
    </message>
    <message>
      <source>&amp;Staff:</source>
      <translation>&amp;Medewerker:</translation>
    </message>
    <message>
      <source>&amp;Action:</source>
      <translation>&amp;Handeling:</translation>
    </message>
    <message>
      <source>&amp;Guest:</source>
      <translation>&amp;Gast:</translation>
    </message>
    <message>
      <source>No events match these filters.</source>
      <translation>Geen gebeurtenissen voor deze filters.</translation>
    </message>
    <message>
      <source> (the newest; narrow the filters to see older ones)</source>
      <translation> (de nieuwste; verfijn de filters om oudere te zien)</translation>
    </message>
    <message>
      <source>{n} events shown</source>
      <translation>{n} gebeurtenissen getoond</translation>
    </message>
  </context>
  <context>
    <name>BackupDialog</name>
    <message>
      <source>The backup failed: {reason}.</source>
      <translation>De back-up is mislukt: {reason}.</translation>
    </message>
    <message>
      <source>Backup</source>
      <translation>Back-up</translation>
    </message>
    <message>
      <source>&amp;Back up now</source>
      <translation>Nu &amp;back-up maken</translation>
    </message>
    <message>
      <source>&amp;Cancel backup</source>
      <translation>Back-up &amp;annuleren</translation>
    </message>
    <message>
      <source>&amp;File:</source>
      <translation>Bes&amp;tand:</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>Kiezen…</translation>
    </message>
    <message>
      <source>&amp;Passphrase:</source>
      <translation>&amp;Wachtzin:</translation>
    </message>
    <message>
      <source>Passphrase &amp;again:</source>
      <translation>Wachtzin &amp;nogmaals:</translation>
    </message>
    <message>
      <source>The backup is encrypted with this passphrase, so it can be restored on another computer. Keep the passphrase apart from the backup: without it the backup cannot be opened by anyone, including you.</source>
      <translation>De back-up wordt versleuteld met deze wachtzin, zodat u hem op een andere computer kunt terugzetten. Bewaar de wachtzin apart van de back-up: zonder wachtzin kan niemand de back-up openen, ook u niet.</translation>
    </message>
    <message>
      <source>Back up now</source>
      <translation>Nu back-up maken</translation>
    </message>
    <message>
      <source>Make a backup every &amp;day when Frontdesk starts</source>
      <translation>Elke &amp;dag een back-up maken als Frontdesk start</translation>
    </message>
    <message>
      <source>kept in the keyring</source>
      <translation>bewaard in de sleutelbos</translation>
    </message>
    <message>
      <source>&amp;Save daily backup settings</source>
      <translation>Instellingen dagelijkse back-up op&amp;slaan</translation>
    </message>
    <message>
      <source>never</source>
      <translation>nooit</translation>
    </message>
    <message>
      <source>Last daily backup: {when}</source>
      <translation>Laatste dagelijkse back-up: {when}</translation>
    </message>
    <message>
      <source>F&amp;older:</source>
      <translation>&amp;Map:</translation>
    </message>
    <message>
      <source>&amp;Keep the newest:</source>
      <translation>Bewaar de ni&amp;euwste:</translation>
    </message>
    <message>
      <source>Passp&amp;hrase:</source>
      <translation>Wacht&amp;zin:</translation>
    </message>
    <message>
      <source>Daily backup</source>
      <translation>Dagelijkse back-up</translation>
    </message>
    <message>
      <source>To restore a backup: Manager ▸ Restore from a backup… (or, with Frontdesk closed, frontdesk restore --from FILE). The backup is checked before anything is replaced, and the current store is kept beside it.</source>
      <translation>Een back-up terugzetten: Manager ▸ Terugzetten uit een back-up… (of, met Frontdesk gesloten, frontdesk restore --from BESTAND). De back-up wordt gecontroleerd voordat er iets wordt vervangen, en de huidige gegevens blijven ernaast bewaard.</translation>
    </message>
    <message>
      <source>Save the backup as</source>
      <translation>Back-up opslaan als</translation>
    </message>
    <message>
      <source>Frontdesk backups (*.fdbackup)</source>
      <translation>Frontdesk-back-ups (*.fdbackup)</translation>
    </message>
    <message>
      <source>Folder for daily backups</source>
      <translation>Map voor dagelijkse back-ups</translation>
    </message>
    <message>
      <source>The two passphrases differ. Type the same passphrase twice.</source>
      <translation>De twee wachtzinnen verschillen. Typ twee keer dezelfde wachtzin.</translation>
    </message>
    <message>
      <source>Backing up… you can keep working in the main window.</source>
      <translation>Back-up wordt gemaakt… u kunt gewoon doorwerken in het hoofdvenster.</translation>
    </message>
    <message>
      <source>Backup written to {path}.</source>
      <translation>Back-up opgeslagen in {path}.</translation>
    </message>
    <message>
      <source>Daily backup is on: the newest {n} are kept in {folder}.</source>
      <translation>Dagelijkse back-up staat aan: de nieuwste {n} worden bewaard in {folder}.</translation>
    </message>
    <message>
      <source>Daily backup is off.</source>
      <translation>Dagelijkse back-up staat uit.</translation>
    </message>
  </context>
  <context>
    <name>ChangeWatch</name>
    <message>
      <source>That guest was erased at another desk.</source>
      <translation>Die gast is aan een andere balie gewist.</translation>
    </message>
    <message>
      <source>Connected to the shared store again; the desk is up to date.</source>
      <translation>Weer verbonden met de gedeelde gegevens; de balie is bijgewerkt.</translation>
    </message>
    <message>
      <source>Not connected since {time}. {message}</source>
      <translation>Geen verbinding sinds {time}. {message}</translation>
    </message>
  </context>
  <context>
    <name>DailyBackupRunner</name>
    <message>
      <source>Daily backup written to {path}.</source>
      <translation>Dagelijkse back-up opgeslagen in {path}.</translation>
    </message>
    <message>
      <source>The daily backup failed: {why}</source>
      <translation>De dagelijkse back-up is mislukt: {why}</translation>
    </message>
  </context>
  <context>
    <name>Desk</name>
    <message>
      <source>Full name</source>
      <translation>Volledige naam</translation>
    </message>
    <message>
      <source>Preferred name</source>
      <translation>Roepnaam</translation>
    </message>
    <message>
      <source>Pronunciation</source>
      <translation>Uitspraak</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Telefoon</translation>
    </message>
    <message>
      <source>Type a name, email, phone or room</source>
      <translation>Typ een naam, e-mail, telefoon of kamer</translation>
    </message>
    <message>
      <source>&amp;Merge guest profiles…</source>
      <translation>Gastprofielen &amp;samenvoegen…</translation>
    </message>
    <message>
      <source>It judges a person rather than describing a wish</source>
      <translation>Het oordeelt over een persoon in plaats van een wens te beschrijven</translation>
    </message>
    <message>
      <source>The vocabulary already has a label for this</source>
      <translation>De woordenlijst heeft hier al een label voor</translation>
    </message>
    <message>
      <source>A guest would not understand the wording</source>
      <translation>Een gast zou de formulering niet begrijpen</translation>
    </message>
    <message>
      <source>It does not help us serve the guest</source>
      <translation>Het helpt ons niet om de gast te bedienen</translation>
    </message>
    <message>
      <source>Another reason (say which in the note)</source>
      <translation>Een andere reden (noem die in de toelichting)</translation>
    </message>
    <message>
      <source>Recognition</source>
      <translation>Herkenning</translation>
    </message>
    <message>
      <source>Appreciation</source>
      <translation>Waardering</translation>
    </message>
    <message>
      <source>Preference</source>
      <translation>Maatwerk</translation>
    </message>
    <message>
      <source>Guest control</source>
      <translation>Regelruimte</translation>
    </message>
    <message>
      <source>how the guest likes to be recognised</source>
      <translation>hoe de gast herkend wil worden</translation>
    </message>
    <message>
      <source>what the guest appreciates</source>
      <translation>wat de gast waardeert</translation>
    </message>
    <message>
      <source>how to serve the guest</source>
      <translation>hoe we de gast bedienen</translation>
    </message>
    <message>
      <source>what the guest wants to decide themselves</source>
      <translation>wat de gast zelf wil bepalen</translation>
    </message>
    <message>
      <source>receptionist</source>
      <translation>receptionist</translation>
    </message>
    <message>
      <source>host</source>
      <translation>gastheer/gastvrouw</translation>
    </message>
    <message>
      <source>manager</source>
      <translation>manager</translation>
    </message>
    <message>
      <source>the guest told us</source>
      <translation>de gast vertelde het ons</translation>
    </message>
    <message>
      <source>we observed</source>
      <translation>wij merkten het op</translation>
    </message>
    <message>
      <source>The guest asked us to remove it</source>
      <translation>De gast vroeg ons het te verwijderen</translation>
    </message>
    <message>
      <source>It is no longer true</source>
      <translation>Het klopt niet meer</translation>
    </message>
    <message>
      <source>It was added by mistake</source>
      <translation>Het is per ongeluk toegevoegd</translation>
    </message>
    <message>
      <source>Consent was withdrawn</source>
      <translation>De toestemming is ingetrokken</translation>
    </message>
    <message>
      <source>The label was retired</source>
      <translation>Het label is uit gebruik genomen</translation>
    </message>
    <message>
      <source>Its retention period ended</source>
      <translation>De bewaartermijn is verstreken</translation>
    </message>
    <message>
      <source>Hotel stay</source>
      <translation>Hotelverblijf</translation>
    </message>
    <message>
      <source>Restaurant booking</source>
      <translation>Restaurantreservering</translation>
    </message>
    <message>
      <source>expected</source>
      <translation>verwacht</translation>
    </message>
    <message>
      <source>arrived</source>
      <translation>aangekomen</translation>
    </message>
    <message>
      <source>departed</source>
      <translation>vertrokken</translation>
    </message>
    <message>
      <source>cancelled</source>
      <translation>geannuleerd</translation>
    </message>
    <message>
      <source>Lunch</source>
      <translation>Lunch</translation>
    </message>
    <message>
      <source>Dinner</source>
      <translation>Diner</translation>
    </message>
    <message>
      <source>normal</source>
      <translation>normaal</translation>
    </message>
    <message>
      <source>health information (special category)</source>
      <translation>gezondheidsinformatie (bijzondere categorie)</translation>
    </message>
    <message>
      <source>{name} (say {sound})</source>
      <translation>{name} (spreek uit: {sound})</translation>
    </message>
    <message>
      <source>{name} — first visit</source>
      <translation>{name} — eerste bezoek</translation>
    </message>
    <message>
      <source>{n}th</source>
      <translation>{n}e</translation>
    </message>
    <message>
      <source>{name} — welcome back: {nth} {noun}, last in {when}</source>
      <translation>{name} — welkom terug: {nth} {noun}, laatst in {when}</translation>
    </message>
    <message>
      <source>stay</source>
      <translation>verblijf</translation>
    </message>
    <message>
      <source>visit</source>
      <translation>bezoek</translation>
    </message>
    <message>
      <source>no consent on record</source>
      <translation>geen toestemming vastgelegd</translation>
    </message>
    <message>
      <source>consent ✓</source>
      <translation>toestemming ✓</translation>
    </message>
    <message>
      <source>Consent needed</source>
      <translation>Toestemming nodig</translation>
    </message>
    <message>
      <source>“{label}” is health information.</source>
      <translation>“{label}” is gezondheidsinformatie.</translation>
    </message>
    <message>
      <source>We may only keep it with {name}'s explicit consent. Ask: “May we note this so we can take care of it on every visit? You can see it and have it removed at any time.”

Did the guest agree?</source>
      <translation>We mogen dit alleen bewaren met uitdrukkelijke toestemming van {name}. Vraag: “Mogen we dit noteren, zodat we er bij elk bezoek rekening mee kunnen houden? U kunt het altijd inzien en laten verwijderen.”

Gaat de gast akkoord?</translation>
    </message>
    <message>
      <source>We may only keep it with {name}'s explicit consent. Ask in {language}:

“{question}”

(In your words: “May we note this so we can take care of it on every visit? You can see it and have it removed at any time.”)

Did the guest agree?</source>
      <translation>We mogen dit alleen bewaren met uitdrukkelijke toestemming van {name}. Vraag in het {language}:

“{question}”

(In uw woorden: “Mogen we dit noteren, zodat we er bij elk bezoek rekening mee houden? U kunt het altijd inzien en laten verwijderen.”)

Gaat de gast akkoord?</translation>
    </message>
    <message>
      <source>&amp;Guest agrees — record consent</source>
      <translation>&amp;Gast gaat akkoord — toestemming vastleggen</translation>
    </message>
    <message>
      <source>&amp;Leave it off</source>
      <translation>&amp;Niet toevoegen</translation>
    </message>
    <message>
      <source>Withdraw consent</source>
      <translation>Toestemming intrekken</translation>
    </message>
    <message>
      <source>Withdraw the guest's consent for health information?</source>
      <translation>De toestemming van de gast voor gezondheidsinformatie intrekken?</translation>
    </message>
    <message>
      <source>{n} health label(s) will be removed from the card at once.</source>
      <translation>{n} gezondheidslabel(s) worden direct van de kaart verwijderd.</translation>
    </message>
    <message>
      <source>&amp;Withdraw consent</source>
      <translation>Toestemming &amp;intrekken</translation>
    </message>
    <message>
      <source>Waiting for review</source>
      <translation>Wacht op beoordeling</translation>
    </message>
    <message>
      <source>Approved</source>
      <translation>Goedgekeurd</translation>
    </message>
    <message>
      <source>Rejected</source>
      <translation>Afgewezen</translation>
    </message>
    <message>
      <source>Approved, later retired</source>
      <translation>Goedgekeurd, later uit gebruik genomen</translation>
    </message>
    <message>
      <source>✖ Blocked</source>
      <translation>✖ Geblokkeerd</translation>
    </message>
    <message>
      <source>⚠ Warning</source>
      <translation>⚠ Waarschuwing</translation>
    </message>
    <message>
      <source>✓ Clean</source>
      <translation>✓ In orde</translation>
    </message>
  </context>
  <context>
    <name>DeskPage</name>
    <message>
      <source>Search guests by name, email or phone   (Ctrl+F)</source>
      <translation>Zoek gasten op naam, e-mail of telefoon   (Ctrl+F)</translation>
    </message>
    <message>
      <source>Today's lists (Ctrl+T)</source>
      <translation>Lijsten van vandaag (Ctrl+T)</translation>
    </message>
    <message>
      <source>New guest (Ctrl+N)</source>
      <translation>Nieuwe gast (Ctrl+N)</translation>
    </message>
    <message>
      <source>Cannot open the card</source>
      <translation>Kan de kaart niet openen</translation>
    </message>
    <message>
      <source>Cannot show the card</source>
      <translation>Kan de kaart niet tonen</translation>
    </message>
    <message>
      <source>Not marked</source>
      <translation>Niet gemarkeerd</translation>
    </message>
    <message>
      <source>{name} marked as arrived — press Space again to undo</source>
      <translation>{name} gemarkeerd als aangekomen — druk nogmaals op Spatie om dit ongedaan te maken</translation>
    </message>
    <message>
      <source>{name} is expected again</source>
      <translation>{name} wordt weer verwacht</translation>
    </message>
    <message>
      <source>Opened the guest's existing profile.</source>
      <translation>Het bestaande profiel van de gast is geopend.</translation>
    </message>
    <message>
      <source>Guest created.</source>
      <translation>Gast aangemaakt.</translation>
    </message>
    <message>
      <source>Guest details saved.</source>
      <translation>Gastgegevens opgeslagen.</translation>
    </message>
    <message>
      <source>Visit recorded.</source>
      <translation>Bezoek vastgelegd.</translation>
    </message>
    <message>
      <source>Label not added</source>
      <translation>Label niet toegevoegd</translation>
    </message>
    <message>
      <source>Label left off: no consent.</source>
      <translation>Label niet toegevoegd: geen toestemming.</translation>
    </message>
    <message>
      <source>Consent needed</source>
      <translation>Toestemming nodig</translation>
    </message>
    <message>
      <source>Label added: {label}</source>
      <translation>Label toegevoegd: {label}</translation>
    </message>
    <message>
      <source>Label not removed</source>
      <translation>Label niet verwijderd</translation>
    </message>
    <message>
      <source>Label removed: {label}</source>
      <translation>Label verwijderd: {label}</translation>
    </message>
    <message>
      <source>Allergies, diets, mobility</source>
      <translation>Allergieën, diëten, mobiliteit</translation>
    </message>
    <message>
      <source>Consent not recorded</source>
      <translation>Toestemming niet vastgelegd</translation>
    </message>
    <message>
      <source>Consent not withdrawn</source>
      <translation>Toestemming niet ingetrokken</translation>
    </message>
    <message>
      <source>Consent withdrawn; {n} health label(s) removed.</source>
      <translation>Toestemming ingetrokken; {n} gezondheidslabel(s) verwijderd.</translation>
    </message>
  </context>
  <context>
    <name>FirstRunPage</name>
    <message>
      <source>Welcome to Frontdesk</source>
      <translation>Welkom bij Frontdesk</translation>
    </message>
    <message>
      <source>This store has no staff yet. Create the first manager account: the manager adds the other staff and approves labels.</source>
      <translation>Er zijn nog geen medewerkers. Maak eerst een manageraccount aan: de manager voegt de andere medewerkers toe en keurt labels goed.</translation>
    </message>
    <message>
      <source>&amp;Create manager account</source>
      <translation>Manageraccount &amp;aanmaken</translation>
    </message>
    <message>
      <source>&amp;Open Frontdesk when I log in</source>
      <translation>&amp;Frontdesk openen zodra ik inlog</translation>
    </message>
    <message>
      <source>It then opens this store when you log in to this computer and waits, so the desk is ready the moment Frontdesk is started. Desk ▸ Open at login changes it.</source>
      <translation>Het opent dan deze gegevens zodra u op deze computer inlogt en wacht, zodat de balie klaarstaat zodra Frontdesk wordt gestart. Balie ▸ Openen bij inloggen verandert dit.</translation>
    </message>
    <message>
      <source>&amp;Your name:</source>
      <translation>&amp;Uw naam:</translation>
    </message>
    <message>
      <source>&amp;PIN (4–12 digits):</source>
      <translation>&amp;Pincode (4–12 cijfers):</translation>
    </message>
    <message>
      <source>PIN &amp;again:</source>
      <translation>Pincode n&amp;ogmaals:</translation>
    </message>
    <message>
      <source>The two PINs differ. Type the same PIN twice.</source>
      <translation>De twee pincodes verschillen. Typ twee keer dezelfde pincode.</translation>
    </message>
  </context>
  <context>
    <name>GuestCardView</name>
    <message>
      <source>Mark &amp;arrived (Space)</source>
      <translation>&amp;Aangekomen (Spatie)</translation>
    </message>
    <message>
      <source>Sh&amp;ow guest (F9)</source>
      <translation>T&amp;onen aan gast (F9)</translation>
    </message>
    <message>
      <source>&amp;Edit details…</source>
      <translation>Gegevens &amp;wijzigen…</translation>
    </message>
    <message>
      <source>New booking or &amp;stay…</source>
      <translation>Nieuwe reservering of &amp;verblijf…</translation>
    </message>
    <message>
      <source>← Bac&amp;k (Esc)</source>
      <translation>← &amp;Terug (Esc)</translation>
    </message>
    <message>
      <source>Label</source>
      <translation>Label</translation>
    </message>
    <message>
      <source>Added</source>
      <translation>Toegevoegd</translation>
    </message>
    <message>
      <source>Basis</source>
      <translation>Grondslag</translation>
    </message>
    <message>
      <source>Add &amp;label… (Ins)</source>
      <translation>&amp;Label toevoegen… (Ins)</translation>
    </message>
    <message>
      <source>&amp;Remove label… (Del)</source>
      <translation>Label ve&amp;rwijderen… (Del)</translation>
    </message>
    <message>
      <source>Labels</source>
      <translation>Labels</translation>
    </message>
    <message>
      <source>Visit history</source>
      <translation>Bezoekgeschiedenis</translation>
    </message>
    <message>
      <source>Record &amp;consent…</source>
      <translation>Toe&amp;stemming vastleggen…</translation>
    </message>
    <message>
      <source>&amp;Withdraw consent…</source>
      <translation>Toestemming &amp;intrekken…</translation>
    </message>
    <message>
      <source>Consents</source>
      <translation>Toestemmingen</translation>
    </message>
    <message>
      <source>speaks {language}</source>
      <translation>spreekt {language}</translation>
    </message>
    <message>
      <source>No stays or bookings yet.</source>
      <translation>Nog geen verblijven of reserveringen.</translation>
    </message>
    <message>
      <source>Arrived ✓ — undo (Space)</source>
      <translation>Aangekomen ✓ — ongedaan maken (Spatie)</translation>
    </message>
    <message>
      <source>No stay or booking for today</source>
      <translation>Geen verblijf of reservering voor vandaag</translation>
    </message>
    <message>
      <source>⚕ Health and safety — allergies, diets, mobility</source>
      <translation>⚕ Gezondheid en veiligheid — allergieën, diëten, mobiliteit</translation>
    </message>
    <message>
      <source>    none recorded</source>
      <translation>    niets vastgelegd</translation>
    </message>
    <message>
      <source>    nothing recorded</source>
      <translation>    niets vastgelegd</translation>
    </message>
    <message>
      <source>No labels yet. Press Ins to add one from the approved list.</source>
      <translation>Nog geen labels. Druk op Ins om er een toe te voegen uit de goedgekeurde lijst.</translation>
    </message>
    <message>
      <source>Guest sees: “{text}”</source>
      <translation>Gast ziet: “{text}”</translation>
    </message>
    <message>
      <source>Purpose: {text}</source>
      <translation>Doel: {text}</translation>
    </message>
    <message>
      <source>Added by {who} ({role}) on {date} · {source} · kept until {until}</source>
      <translation>Toegevoegd door {who} ({role}) op {date} · {source} · bewaard tot {until}</translation>
    </message>
    <message>
      <source>given {date} by {who}</source>
      <translation>gegeven op {date}, vastgelegd door {who}</translation>
    </message>
    <message>
      <source>withdrawn {date}</source>
      <translation>ingetrokken op {date}</translation>
    </message>
    <message>
      <source>Health information (allergies, diets, mobility): {state}</source>
      <translation>Gezondheidsinformatie (allergieën, diëten, mobiliteit): {state}</translation>
    </message>
    <message>
      <source>No consents recorded.</source>
      <translation>Geen toestemmingen vastgelegd.</translation>
    </message>
  </context>
  <context>
    <name>GuestDialog</name>
    <message>
      <source>New guest</source>
      <translation>Nieuwe gast</translation>
    </message>
    <message>
      <source>Edit guest</source>
      <translation>Gast wijzigen</translation>
    </message>
    <message>
      <source>Only what the guest tells us about themselves. Preferences go on the card as labels.</source>
      <translation>Alleen wat de gast ons zelf vertelt. Voorkeuren komen als labels op de kaart.</translation>
    </message>
    <message>
      <source>what the guest likes to be called</source>
      <translation>hoe de gast graag genoemd wordt</translation>
    </message>
    <message>
      <source>e.g. TOH-mah-sen</source>
      <translation>bijv. TOH-mah-sen</translation>
    </message>
    <message>
      <source>&amp;Full name:</source>
      <translation>&amp;Volledige naam:</translation>
    </message>
    <message>
      <source>&amp;Preferred name:</source>
      <translation>&amp;Roepnaam:</translation>
    </message>
    <message>
      <source>Pro&amp;nunciation:</source>
      <translation>&amp;Uitspraak:</translation>
    </message>
    <message>
      <source>&amp;Language:</source>
      <translation>&amp;Taal:</translation>
    </message>
    <message>
      <source>E&amp;mail:</source>
      <translation>&amp;E-mail:</translation>
    </message>
    <message>
      <source>P&amp;hone:</source>
      <translation>Tele&amp;foon:</translation>
    </message>
    <message>
      <source>&amp;Open this guest</source>
      <translation>Deze gast &amp;openen</translation>
    </message>
    <message>
      <source>This guest may already have a profile. Open it (Enter), or press Save again to add a new profile anyway.</source>
      <translation>Deze gast heeft misschien al een profiel. Open het (Enter), of druk nogmaals op Opslaan om toch een nieuw profiel toe te voegen.</translation>
    </message>
    <message>
      <source>&amp;Save as new guest</source>
      <translation>Als nieuwe gast op&amp;slaan</translation>
    </message>
    <message>
      <source>Another profile has the same details. Press Save again to keep both; a manager can merge them (Manager ▸ Merge guest profiles…).</source>
      <translation>Een ander profiel heeft dezelfde gegevens. Druk nogmaals op Opslaan om beide te houden; een manager kan ze samenvoegen (Manager ▸ Gastprofielen samenvoegen…).</translation>
    </message>
    <message>
      <source>&amp;Save anyway</source>
      <translation>Toch op&amp;slaan</translation>
    </message>
  </context>
  <context>
    <name>GuestForm</name>
    <message>
      <source>Other profiles</source>
      <translation>Andere profielen</translation>
    </message>
    <message>
      <source>The details the guest corrected in Show guest match other profiles. If they are the same person, a manager can merge them (Manager ▸ Merge guest profiles…).</source>
      <translation>De gegevens die de gast in Tonen aan gast heeft verbeterd, komen overeen met andere profielen. Is het dezelfde persoon, dan kan een manager ze samenvoegen (Manager ▸ Gastprofielen samenvoegen…).</translation>
    </message>
  </context>
  <context>
    <name>GuestPickDialog</name>
    <message>
      <source>Pick a guest</source>
      <translation>Kies een gast</translation>
    </message>
    <message>
      <source>Type a name…</source>
      <translation>Typ een naam…</translation>
    </message>
  </context>
  <context>
    <name>GuestPreview</name>
    <message>
      <source>The guest reads, in {language}:</source>
      <translation>De gast leest ({language}):</translation>
    </message>
    <message>
      <source>Why we keep it: {purpose}</source>
      <translation>Waarom we dit bewaren: {purpose}</translation>
    </message>
    <message>
      <source>No {language} wording yet: this guest would read the {used} text above.</source>
      <translation>Nog geen formulering in het {language}: deze gast leest de tekst hierboven ({used}).</translation>
    </message>
  </context>
  <context>
    <name>ImportWizard</name>
    <message>
      <source>The import failed: {reason}. Nothing was imported.</source>
      <translation>Het importeren is mislukt: {reason}. Er is niets geïmporteerd.</translation>
    </message>
    <message>
      <source>Choose the export</source>
      <translation>Kies het exportbestand</translation>
    </message>
    <message>
      <source>A CSV file from your booking system or spreadsheet: comma, semicolon or tab separated, in any common encoding.</source>
      <translation>Een CSV-bestand uit uw reserveringssysteem of spreadsheet: gescheiden door komma, puntkomma of tab, in elke gangbare codering.</translation>
    </message>
    <message>
      <source>Path of the CSV file</source>
      <translation>Pad van het CSV-bestand</translation>
    </message>
    <message>
      <source>&amp;Choose file…</source>
      <translation>Bestand &amp;kiezen…</translation>
    </message>
    <message>
      <source>Nothing is written until you confirm the preview. Columns with remarks or notes are never imported.</source>
      <translation>Er wordt niets opgeslagen voordat u het voorbeeld bevestigt. Kolommen met opmerkingen of notities worden nooit geïmporteerd.</translation>
    </message>
    <message>
      <source>CSV files (*.csv *.txt *.tsv);;All files (*)</source>
      <translation>CSV-bestanden (*.csv *.txt *.tsv);;Alle bestanden (*)</translation>
    </message>
    <message>
      <source>Check the columns</source>
      <translation>Controleer de kolommen</translation>
    </message>
    <message>
      <source>Frontdesk guessed what each column holds. Correct any guess; the choice is remembered for files with the same columns.</source>
      <translation>Frontdesk heeft geraden wat elke kolom bevat. Verbeter wat niet klopt; uw keuze wordt onthouden voor bestanden met dezelfde kolommen.</translation>
    </message>
    <message>
      <source>Column in the file</source>
      <translation>Kolom in het bestand</translation>
    </message>
    <message>
      <source>Example</source>
      <translation>Voorbeeld</translation>
    </message>
    <message>
      <source>Imports as</source>
      <translation>Importeren als</translation>
    </message>
    <message>
      <source>&amp;Remember these columns for files like this one</source>
      <translation>Deze kolommen &amp;onthouden voor soortgelijke bestanden</translation>
    </message>
    <message>
      <source>Reading the file…</source>
      <translation>Bestand wordt gelezen…</translation>
    </message>
    <message>
      <source>Columns as you set them last time for this layout.</source>
      <translation>Kolommen zoals u ze de vorige keer voor deze indeling instelde.</translation>
    </message>
    <message>
      <source>Columns guessed from the header row.</source>
      <translation>Kolommen geraden uit de kopregel.</translation>
    </message>
    <message>
      <source>{rows} rows.</source>
      <translation>{rows} rijen.</translation>
    </message>
    <message>
      <source>skipped: free text is never imported</source>
      <translation>overgeslagen: vrije tekst wordt nooit geïmporteerd</translation>
    </message>
    <message>
      <source>Preview</source>
      <translation>Voorbeeld</translation>
    </message>
    <message>
      <source>Nothing has been written yet. If any row has an error, nothing is imported: correct the file, or choose to leave those rows out.</source>
      <translation>Er is nog niets opgeslagen. Als een rij een fout heeft, wordt er niets geïmporteerd: verbeter het bestand, of kies ervoor die rijen weg te laten.</translation>
    </message>
    <message>
      <source>&amp;Import</source>
      <translation>&amp;Importeren</translation>
    </message>
    <message>
      <source>Line</source>
      <translation>Regel</translation>
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
      <translation>Rijen met fouten</translation>
    </message>
    <message>
      <source>Rows to import</source>
      <translation>Te importeren rijen</translation>
    </message>
    <message>
      <source>Import &amp;only the rows without errors; leave the rows with errors out</source>
      <translation>Alleen de rijen &amp;zonder fouten importeren; de rijen met fouten weglaten</translation>
    </message>
    <message>
      <source>Checking every row and looking for known guests…</source>
      <translation>Elke rij wordt gecontroleerd en vergeleken met bekende gasten…</translation>
    </message>
    <message>
      <source>New guests: {n}</source>
      <translation>Nieuwe gasten: {n}</translation>
    </message>
    <message>
      <source>Matched guests (same email, or same name and phone): {n}</source>
      <translation>Herkende gasten (zelfde e-mail, of zelfde naam en telefoon): {n}</translation>
    </message>
    <message>
      <source>Visits to add: {n}</source>
      <translation>Toe te voegen bezoeken: {n}</translation>
    </message>
    <message>
      <source>Rows with errors: {n}</source>
      <translation>Rijen met fouten: {n}</translation>
    </message>
    <message>
      <source>Check for duplicate profiles — new guests with the name of a known guest or of another row: {names}</source>
      <translation>Controleer op dubbele profielen — nieuwe gasten met de naam van een bekende gast of van een andere rij: {names}</translation>
    </message>
    <message>
      <source>Visits already in the store (skipped): {n}</source>
      <translation>Bezoeken die er al zijn (overgeslagen): {n}</translation>
    </message>
    <message>
      <source>None</source>
      <translation>Geen</translation>
    </message>
    <message>
      <source>known guest</source>
      <translation>bekende gast</translation>
    </message>
    <message>
      <source>new guest</source>
      <translation>nieuwe gast</translation>
    </message>
    <message>
      <source>Importing</source>
      <translation>Importeren</translation>
    </message>
    <message>
      <source>Importing… Cancel undoes everything.</source>
      <translation>Bezig met importeren… Annuleren maakt alles ongedaan.</translation>
    </message>
    <message>
      <source>Cancelled: nothing was imported.</source>
      <translation>Geannuleerd: er is niets geïmporteerd.</translation>
    </message>
    <message>
      <source>Imported {new} new guests and {visits} visits; {matched} guests were already known.</source>
      <translation>{new} nieuwe gasten en {visits} bezoeken geïmporteerd; {matched} gasten waren al bekend.</translation>
    </message>
    <message>
      <source>Import arrivals</source>
      <translation>Aankomsten importeren</translation>
    </message>
    <message>
      <source>&amp;Next &gt;</source>
      <translation>&amp;Volgende &gt;</translation>
    </message>
    <message>
      <source>&lt; &amp;Back</source>
      <translation>&lt; &amp;Terug</translation>
    </message>
    <message>
      <source>&amp;Finish</source>
      <translation>&amp;Voltooien</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Annuleren</translation>
    </message>
    <message>
      <source>Cancelling… nothing will be imported.</source>
      <translation>Bezig met annuleren… er wordt niets geïmporteerd.</translation>
    </message>
    <message>
      <source>Imported {new} new guests and {visits} visits.</source>
      <translation>{new} nieuwe gasten en {visits} bezoeken geïmporteerd.</translation>
    </message>
  </context>
  <context>
    <name>KeyringTroubleDialog</name>
    <message>
      <source>The keyring is locked</source>
      <translation>De sleutelbos is vergrendeld</translation>
    </message>
    <message>
      <source>The keyring does not have this store's key</source>
      <translation>De sleutelbos heeft de sleutel van deze gegevens niet</translation>
    </message>
    <message>
      <source>No keyring is available</source>
      <translation>Er is geen sleutelbos beschikbaar</translation>
    </message>
    <message>
      <source>The recovery passphrase did not work</source>
      <translation>De herstelwachtzin werkte niet</translation>
    </message>
    <message>
      <source>Frontdesk keeps the key to its encrypted store in this computer's keyring, and the keyring is locked or refused to hand it out. Unlock it (sign in to the desktop again, or enter the keyring password when asked) and choose Retry.</source>
      <translation>Frontdesk bewaart de sleutel van zijn versleutelde gegevens in de sleutelbos van deze computer, en die sleutelbos is vergrendeld of weigert de sleutel af te geven. Ontgrendel hem (meld u opnieuw aan bij het bureaublad, of typ het wachtwoord van de sleutelbos als daarom wordt gevraagd) en kies Opnieuw proberen.</translation>
    </message>
    <message>
      <source>The keyring has no key for this store. Perhaps the store was copied from another computer, or the keyring was reset.</source>
      <translation>De sleutelbos heeft geen sleutel voor deze gegevens. Misschien zijn de gegevens van een andere computer gekopieerd, of is de sleutelbos opnieuw ingesteld.</translation>
    </message>
    <message>
      <source>No safe keyring is running on this computer, so Frontdesk cannot get the key to its encrypted store. Start one (on Debian: install gnome-keyring and sign in again) and choose Retry.</source>
      <translation>Er draait geen veilige sleutelbos op deze computer, dus Frontdesk kan de sleutel van zijn versleutelde gegevens niet ophalen. Start er een (op Debian: installeer gnome-keyring en meld u opnieuw aan) en kies Opnieuw proberen.</translation>
    </message>
    <message>
      <source>Frontdesk cannot get its key</source>
      <translation>Frontdesk kan zijn sleutel niet ophalen</translation>
    </message>
    <message>
      <source>Your guests' data stays encrypted and closed without its key; there is no way around that. You can also use the recovery passphrase that was shown once when this store was set up.</source>
      <translation>Zonder sleutel blijven de gegevens van uw gasten versleuteld en gesloten; daar is geen omweg voor. U kunt ook de herstelwachtzin gebruiken die eenmalig werd getoond toen deze gegevensopslag werd ingericht.</translation>
    </message>
    <message>
      <source>&amp;Retry</source>
      <translation>&amp;Opnieuw proberen</translation>
    </message>
    <message>
      <source>Use r&amp;ecovery passphrase…</source>
      <translation>&amp;Herstelwachtzin gebruiken…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Afsluiten</translation>
    </message>
    <message>
      <source>Type the recovery passphrase (six groups of four letters and digits; case and dashes do not matter). Frontdesk will put the key back in the keyring when it can, so the next start is normal.</source>
      <translation>Typ de herstelwachtzin (zes groepjes van vier letters en cijfers; hoofdletters en streepjes maken niet uit). Frontdesk zet de sleutel zo mogelijk terug in de sleutelbos, zodat de volgende start weer normaal verloopt.</translation>
    </message>
    <message>
      <source>&amp;Open the store</source>
      <translation>Gegevens &amp;openen</translation>
    </message>
    <message>
      <source>&amp;Back</source>
      <translation>&amp;Terug</translation>
    </message>
  </context>
  <context>
    <name>LabelPicker</name>
    <message>
      <source>Add a label</source>
      <translation>Label toevoegen</translation>
    </message>
    <message>
      <source>Type to filter approved labels</source>
      <translation>Typ om goedgekeurde labels te filteren</translation>
    </message>
    <message>
      <source>All categories</source>
      <translation>Alle categorieën</translation>
    </message>
    <message>
      <source>&amp;Find:</source>
      <translation>&amp;Zoeken:</translation>
    </message>
    <message>
      <source>&amp;Category:</source>
      <translation>&amp;Categorie:</translation>
    </message>
    <message>
      <source>Labels unavailable</source>
      <translation>Labels niet beschikbaar</translation>
    </message>
    <message>
      <source>The guest reads:</source>
      <translation>De gast leest:</translation>
    </message>
    <message>
      <source>Purpose:</source>
      <translation>Doel:</translation>
    </message>
    <message>
      <source>The guest &amp;told us</source>
      <translation>De gast heeft het ons &amp;verteld</translation>
    </message>
    <message>
      <source>We &amp;observed it</source>
      <translation>Wij hebben het &amp;opgemerkt</translation>
    </message>
    <message>
      <source>Source:</source>
      <translation>Bron:</translation>
    </message>
    <message>
      <source>&amp;Add label</source>
      <translation>Label &amp;toevoegen</translation>
    </message>
    <message>
      <source>&amp;Propose a new label…</source>
      <translation>Nieuw label voor&amp;stellen…</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Annuleren</translation>
    </message>
    <message>
      <source>Nothing fits?</source>
      <translation>Past er niets?</translation>
    </message>
    <message>
      <source>No approved label matches.
Propose a new label if nothing fits.</source>
      <translation>Geen goedgekeurd label gevonden.
Stel een nieuw label voor als er niets past.</translation>
    </message>
    <message>
      <source>{category} · kept for {days} days</source>
      <translation>{category} · {days} dagen bewaard</translation>
    </message>
    <message>
      <source>⚕ Health information: only with the guest's explicit consent</source>
      <translation>⚕ Gezondheidsinformatie: alleen met uitdrukkelijke toestemming van de gast</translation>
    </message>
    <message>
      <source>Proposal sent</source>
      <translation>Voorstel verstuurd</translation>
    </message>
    <message>
      <source>Thank you. A manager will review the new label. The guest is not labelled until it is approved — add it from this list then.</source>
      <translation>Dank u. Een manager beoordeelt het nieuwe label. De gast krijgt het label pas als het is goedgekeurd — voeg het dan toe vanuit deze lijst.</translation>
    </message>
  </context>
  <context>
    <name>LabelsModel</name>
    <message>
      <source>Label</source>
      <translation>Label</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>Categorie</translation>
    </message>
    <message>
      <source>Health information: needs the guest's explicit consent</source>
      <translation>Gezondheidsinformatie: uitdrukkelijke toestemming van de gast nodig</translation>
    </message>
  </context>
  <context>
    <name>Language</name>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <source>&amp;Language</source>
      <translation>&amp;Taal</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>Taal</translation>
    </message>
    <message>
      <source>Frontdesk will use {language} the next time it starts.</source>
      <translation>Frontdesk gebruikt {language} bij de volgende start.</translation>
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
      <translation>De demogegevens worden gemaakt: gasten, een jaar aan bezoeken, de aankomsten van vandaag…</translation>
    </message>
    <message>
      <source>Opening the store…</source>
      <translation>Gegevens worden geopend…</translation>
    </message>
    <message>
      <source>Lock (Ctrl+L)</source>
      <translation>Vergrendelen (Ctrl+L)</translation>
    </message>
    <message>
      <source>&amp;Desk</source>
      <translation>&amp;Balie</translation>
    </message>
    <message>
      <source>&amp;Search guests</source>
      <translation>Gasten &amp;zoeken</translation>
    </message>
    <message>
      <source>&amp;New guest…</source>
      <translation>&amp;Nieuwe gast…</translation>
    </message>
    <message>
      <source>&amp;Today</source>
      <translation>&amp;Vandaag</translation>
    </message>
    <message>
      <source>My &amp;proposals…</source>
      <translation>&amp;Mijn voorstellen…</translation>
    </message>
    <message>
      <source>&amp;Import arrivals…</source>
      <translation>Aankomsten &amp;importeren…</translation>
    </message>
    <message>
      <source>&amp;Lock</source>
      <translation>Ver&amp;grendelen</translation>
    </message>
    <message>
      <source>Sign &amp;out</source>
      <translation>&amp;Afmelden</translation>
    </message>
    <message>
      <source>Open at lo&amp;gin</source>
      <translation>&amp;Openen bij inloggen</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>Af&amp;sluiten</translation>
    </message>
    <message>
      <source>&amp;Guest</source>
      <translation>&amp;Gast</translation>
    </message>
    <message>
      <source>S&amp;how guest</source>
      <translation>&amp;Tonen aan gast</translation>
    </message>
    <message>
      <source>&amp;Add label…</source>
      <translation>&amp;Label toevoegen…</translation>
    </message>
    <message>
      <source>&amp;Edit details…</source>
      <translation>Gegevens &amp;wijzigen…</translation>
    </message>
    <message>
      <source>New &amp;booking or stay…</source>
      <translation>Nieuwe &amp;reservering of verblijf…</translation>
    </message>
    <message>
      <source>&amp;Manager</source>
      <translation>&amp;Manager</translation>
    </message>
    <message>
      <source>&amp;Staff…</source>
      <translation>&amp;Medewerkers…</translation>
    </message>
    <message>
      <source>&amp;Review proposals…</source>
      <translation>Voorstellen &amp;beoordelen…</translation>
    </message>
    <message>
      <source>&amp;Vocabulary…</source>
      <translation>&amp;Woordenlijst…</translation>
    </message>
    <message>
      <source>&amp;Own words…</source>
      <translation>&amp;Eigen woorden…</translation>
    </message>
    <message>
      <source>&amp;Audit log…</source>
      <translation>&amp;Logboek…</translation>
    </message>
    <message>
      <source>&amp;Backup…</source>
      <translation>Back-&amp;up…</translation>
    </message>
    <message>
      <source>Res&amp;tore from a backup…</source>
      <translation>&amp;Terugzetten uit een back-up…</translation>
    </message>
    <message>
      <source>V&amp;enue settings…</source>
      <translation>I&amp;nstellingen van de vestiging…</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <source>&amp;Keyboard shortcuts</source>
      <translation>&amp;Sneltoetsen</translation>
    </message>
    <message>
      <source>&amp;Manager ({n})</source>
      <translation>&amp;Manager ({n})</translation>
    </message>
    <message>
      <source>&amp;Review proposals… ({n} waiting)</source>
      <translation>Voorstellen &amp;beoordelen… ({n} wachtend)</translation>
    </message>
    <message>
      <source>Store: {label}</source>
      <translation>Gegevens: {label}</translation>
    </message>
    <message>
      <source>{name} · {role}</source>
      <translation>{name} · {role}</translation>
    </message>
    <message>
      <source>Not signed in</source>
      <translation>Niet aangemeld</translation>
    </message>
    <message>
      <source>Locked</source>
      <translation>Vergrendeld</translation>
    </message>
    <message>
      <source>Signed in: {name} ({role})</source>
      <translation>Aangemeld: {name} ({role})</translation>
    </message>
    <message>
      <source> — locked</source>
      <translation> — vergrendeld</translation>
    </message>
    <message>
      <source>Open a guest card first (Ctrl+F).</source>
      <translation>Open eerst een gastenkaart (Ctrl+F).</translation>
    </message>
    <message>
      <source>Own words saved: new proposals are checked against them.</source>
      <translation>Eigen woorden opgeslagen: nieuwe voorstellen worden ertegen gecontroleerd.</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>Sneltoetsen</translation>
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
      <translation>Ctrl+F  gasten zoeken (↑↓ kiezen, Enter opent, Esc wist)
Enter  de gemarkeerde gast openen
Spatie of A  als aangekomen markeren (op de lijst van vandaag en op de kaart); nogmaals om ongedaan te maken
Esc  terug van de gastenkaart, naar dezelfde plek in de lijst
Ins / Del  een label toevoegen / verwijderen op de kaart
F9  de gast alles tonen wat we over hem of haar bewaren
Ctrl+N  nieuwe gast · Ctrl+E  gegevens wijzigen · Ctrl+B  nieuwe reservering of verblijf
Ctrl+I  aankomsten importeren uit een CSV-export
Ctrl+L  de balie vergrendelen · Ctrl+Q  afsluiten (een vergrendelde balie vraagt om een pincode)</translation>
    </message>
    <message>
      <source>Open this store when you log in to the computer and wait in the background: starting Frontdesk then shows the desk at once.</source>
      <translation>Deze gegevens openen wanneer u op de computer inlogt en op de achtergrond wachten: als u Frontdesk start, verschijnt de balie dan meteen.</translation>
    </message>
    <message>
      <source>Only a desk started on its own store can open at login (not the demo).</source>
      <translation>Alleen een balie die op zijn eigen gegevens is gestart, kan bij het inloggen openen (de demo niet).</translation>
    </message>
    <message>
      <source>At the next login Frontdesk opens this store and waits in the background; starting Frontdesk then shows the desk at once.</source>
      <translation>Als u de volgende keer inlogt, opent Frontdesk deze gegevens en wacht op de achtergrond; als u Frontdesk start, verschijnt de balie dan meteen.</translation>
    </message>
    <message>
      <source>Frontdesk no longer opens at login.</source>
      <translation>Frontdesk opent niet meer bij het inloggen.</translation>
    </message>
    <message>
      <source>The login entry could not be changed: {why}</source>
      <translation>De opstartvermelding kon niet worden gewijzigd: {why}</translation>
    </message>
    <message>
      <source>Quit the demo</source>
      <translation>Demo afsluiten</translation>
    </message>
    <message>
      <source>This is a throw-away demo store: quitting deletes it, with everything recorded in it. Quit?</source>
      <translation>Dit is een wegwerp-demoarchief: afsluiten verwijdert het, met alles wat erin is vastgelegd. Afsluiten?</translation>
    </message>
    <message>
      <source>Guest files saved in {folder}: {names}</source>
      <translation>Bestanden voor de gast bewaard in {folder}: {names}</translation>
    </message>
  </context>
  <context>
    <name>MergeDialog</name>
    <message>
      <source>Merge guest profiles</source>
      <translation>Gastprofielen samenvoegen</translation>
    </message>
    <message>
      <source>Two profiles of one person? Choose the profile to keep and the one to merge into it. Every visit, label and consent moves to the kept profile; the guest sees the merge in Show guest. You can undo a merge for {days} days.</source>
      <translation>Twee profielen van één persoon? Kies het profiel dat blijft en het profiel dat erin opgaat. Elk bezoek, label en elke toestemming gaat naar het bewaarde profiel; de gast ziet het samenvoegen in Toon gast. U kunt samenvoegen {days} dagen lang ongedaan maken.</translation>
    </message>
    <message>
      <source>&amp;Keep this profile:</source>
      <translation>Dit profiel &amp;bewaren:</translation>
    </message>
    <message>
      <source>Merge &amp;this profile into it:</source>
      <translation>Di&amp;t profiel erin samenvoegen:</translation>
    </message>
    <message>
      <source>Kept profile</source>
      <translation>Bewaard profiel</translation>
    </message>
    <message>
      <source>Other profile</source>
      <translation>Ander profiel</translation>
    </message>
    <message>
      <source>Visits</source>
      <translation>Bezoeken</translation>
    </message>
    <message>
      <source>Labels</source>
      <translation>Labels</translation>
    </message>
    <message>
      <source>Consents</source>
      <translation>Toestemmingen</translation>
    </message>
    <message>
      <source>&amp;Merge…</source>
      <translation>&amp;Samenvoegen…</translation>
    </message>
    <message>
      <source>&amp;Undo merge…</source>
      <translation>Samenvoegen &amp;ongedaan maken…</translation>
    </message>
    <message>
      <source>Recent merges:</source>
      <translation>Recent samengevoegd:</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>(geen)</translation>
    </message>
    <message>
      <source>{n} (will move)</source>
      <translation>{n} (gaat mee)</translation>
    </message>
    <message>
      <source>No conflicts.</source>
      <translation>Geen conflicten.</translation>
    </message>
    <message>
      <source>Merge “{other}” into “{keep}”? The other profile disappears; its visits, labels and consents move to the kept one. You can undo this for {days} days.</source>
      <translation>“{other}” samenvoegen in “{keep}”? Het andere profiel verdwijnt; de bezoeken, labels en toestemmingen gaan naar het bewaarde profiel. U kunt dit {days} dagen lang ongedaan maken.</translation>
    </message>
    <message>
      <source>{kept} ← {other} · {when} · undo until {until}</source>
      <translation>{kept} ← {other} · {when} · ongedaan te maken tot {until}</translation>
    </message>
    <message>
      <source>{kept} ← (another profile) · {when} · can no longer be undone</source>
      <translation>{kept} ← (ander profiel) · {when} · niet meer ongedaan te maken</translation>
    </message>
    <message>
      <source>Undo this merge? “{other}” becomes a profile of its own again, with the visits, labels and consents it had.</source>
      <translation>Dit samenvoegen ongedaan maken? “{other}” wordt weer een eigen profiel, met de bezoeken, labels en toestemmingen die het had.</translation>
    </message>
  </context>
  <context>
    <name>MyProposalsDialog</name>
    <message>
      <source>My proposals</source>
      <translation>Mijn voorstellen</translation>
    </message>
    <message>
      <source>Labels you proposed</source>
      <translation>Labels die u hebt voorgesteld</translation>
    </message>
    <message>
      <source>&amp;Propose a new label…</source>
      <translation>Nieuw label &amp;voorstellen…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Sluiten</translation>
    </message>
    <message>
      <source>You have not proposed any labels yet.
When no approved label fits, propose one here or from the label picker.</source>
      <translation>U hebt nog geen labels voorgesteld.
Als geen goedgekeurd label past, stel er dan hier of via de labelkiezer een voor.</translation>
    </message>
    <message>
      <source>A manager has not reviewed it yet.</source>
      <translation>Een manager heeft het nog niet beoordeeld.</translation>
    </message>
    <message>
      <source>Approved by {who}: add it from the label picker.</source>
      <translation>Goedgekeurd door {who}: voeg het toe via de labelkiezer.</translation>
    </message>
    <message>
      <source>Rejected by {who}: {why}</source>
      <translation>Afgewezen door {who}: {why}</translation>
    </message>
    <message>
      <source>It was approved and has since been retired.</source>
      <translation>Het is goedgekeurd en inmiddels uit gebruik genomen.</translation>
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
      <translation>Formulering voor medewerkers</translation>
    </message>
    <message>
      <source>Proposed</source>
      <translation>Voorgesteld</translation>
    </message>
    <message>
      <source>Manager's reason</source>
      <translation>Reden van de manager</translation>
    </message>
  </context>
  <context>
    <name>OwnWordsDialog</name>
    <message>
      <source>Own words</source>
      <translation>Eigen woorden</translation>
    </message>
    <message>
      <source>Words and phrases your venue never wants on a label (Block), or wants a reviewer to look at twice (Warn). They are checked with the built-in lists: case and accents do not matter, only whole words match, and a * at the end matches any ending ("allergi*").</source>
      <translation>Woorden en zinsdelen die uw zaak nooit op een label wil (Blokkeren), of waar een beoordelaar twee keer naar moet kijken (Waarschuwen). Ze worden gecontroleerd samen met de ingebouwde lijsten: hoofdletters en accenten tellen niet, alleen hele woorden tellen, en een * aan het eind past op elk einde ("allergi*").</translation>
    </message>
    <message>
      <source>Word or phrase</source>
      <translation>Woord of zinsdeel</translation>
    </message>
    <message>
      <source>Check</source>
      <translation>Controle</translation>
    </message>
    <message>
      <source>e.g. platinum guest</source>
      <translation>bijv. platina gast</translation>
    </message>
    <message>
      <source>Block</source>
      <translation>Blokkeren</translation>
    </message>
    <message>
      <source>Warn</source>
      <translation>Waarschuwen</translation>
    </message>
    <message>
      <source>&amp;Add (Enter)</source>
      <translation>&amp;Toevoegen (Enter)</translation>
    </message>
    <message>
      <source>&amp;Remove (Del)</source>
      <translation>&amp;Verwijderen (Del)</translation>
    </message>
    <message>
      <source>Kept in {path}</source>
      <translation>Bewaard in {path}</translation>
    </message>
    <message>
      <source>“{phrase}” is on the list already.</source>
      <translation>“{phrase}” staat al op de lijst.</translation>
    </message>
  </context>
  <context>
    <name>ProposalDetail</name>
    <message>
      <source>Category</source>
      <translation>Categorie</translation>
    </message>
    <message>
      <source>Sensitivity</source>
      <translation>Gevoeligheid</translation>
    </message>
    <message>
      <source>Kept for</source>
      <translation>Bewaard</translation>
    </message>
    <message>
      <source>Proposed by</source>
      <translation>Voorgesteld door</translation>
    </message>
    <message>
      <source>⚕ Health information — only with the guest's explicit consent</source>
      <translation>⚕ Gezondheidsinformatie — alleen met uitdrukkelijke toestemming van de gast</translation>
    </message>
    <message>
      <source>What the guest will see</source>
      <translation>Wat de gast te zien krijgt</translation>
    </message>
    <message>
      <source>I have read this &amp;warning</source>
      <translation>Ik heb deze &amp;waarschuwing gelezen</translation>
    </message>
    <message>
      <source>{days} days after it is added</source>
      <translation>{days} dagen na toevoegen</translation>
    </message>
    <message>
      <source>{who}, {when}</source>
      <translation>{who}, {when}</translation>
    </message>
    <message>
      <source>unknown</source>
      <translation>onbekend</translation>
    </message>
    <message>
      <source>✖ Cannot be approved</source>
      <translation>✖ Kan niet worden goedgekeurd</translation>
    </message>
    <message>
      <source>⚠ Read the warning before approving</source>
      <translation>⚠ Lees de waarschuwing voordat u goedkeurt</translation>
    </message>
    <message>
      <source>✓ The wording checks found nothing</source>
      <translation>✓ De formuleringscontrole vond niets</translation>
    </message>
    <message>
      <source>staff wording</source>
      <translation>formulering voor medewerkers</translation>
    </message>
    <message>
      <source>guest wording</source>
      <translation>formulering voor de gast</translation>
    </message>
    <message>
      <source>purpose</source>
      <translation>doel</translation>
    </message>
    <message>
      <source>Warning: </source>
      <translation>Waarschuwing: </translation>
    </message>
    <message>
      <source>No judgement, health or vague words were found.</source>
      <translation>Er zijn geen oordelende, medische of vage woorden gevonden.</translation>
    </message>
  </context>
  <context>
    <name>ProposalDialog</name>
    <message>
      <source>Propose a new label</source>
      <translation>Nieuw label voorstellen</translation>
    </message>
    <message>
      <source>Edit and approve a proposal</source>
      <translation>Voorstel bewerken en goedkeuren</translation>
    </message>
    <message>
      <source>Reword a label</source>
      <translation>Label herformuleren</translation>
    </message>
    <message>
      <source>Write it as you would say it to the guest: what they told us or asked for, never a judgement. A manager reviews it before anyone can use it, and the guest can always read it.</source>
      <translation>Schrijf het zoals u het tegen de gast zou zeggen: wat de gast ons vertelde of vroeg, nooit een oordeel. Een manager beoordeelt het voordat iemand het kan gebruiken, en de gast kan het altijd lezen.</translation>
    </message>
    <message>
      <source>Your edit replaces the proposal. The wording checks run again before it is approved.</source>
      <translation>Uw bewerking vervangt het voorstel. De formuleringscontrole loopt opnieuw voordat het wordt goedgekeurd.</translation>
    </message>
    <message>
      <source>Guests who carry this label will see the new wording at once.</source>
      <translation>Gasten met dit label zien de nieuwe formulering meteen.</translation>
    </message>
    <message>
      <source>{language} — required</source>
      <translation>{language} — verplicht</translation>
    </message>
    <message>
      <source>{language} — optional</source>
      <translation>{language} — optioneel</translation>
    </message>
    <message>
      <source>Staff wording:</source>
      <translation>Formulering voor medewerkers:</translation>
    </message>
    <message>
      <source>The guest reads:</source>
      <translation>De gast leest:</translation>
    </message>
    <message>
      <source>Why we keep it:</source>
      <translation>Waarom we dit bewaren:</translation>
    </message>
    <message>
      <source>&amp;Health information (special category)</source>
      <translation>&amp;Gezondheidsinformatie (bijzondere categorie)</translation>
    </message>
    <message>
      <source>allergies, medical diets, mobility, hearing, sight — used only with the guest's explicit consent</source>
      <translation>allergieën, medische diëten, mobiliteit, gehoor, zicht — alleen gebruikt met uitdrukkelijke toestemming van de gast</translation>
    </message>
    <message>
      <source> days</source>
      <translation> dagen</translation>
    </message>
    <message>
      <source>&amp;Keep for:</source>
      <translation>&amp;Bewaren:</translation>
    </message>
    <message>
      <source>&amp;Category:</source>
      <translation>&amp;Categorie:</translation>
    </message>
    <message>
      <source>after it is added to a guest</source>
      <translation>nadat het aan een gast is toegevoegd</translation>
    </message>
    <message>
      <source>I have &amp;read the warnings and the wording is right for the guest</source>
      <translation>Ik heb de waarschuwingen gelezen en de formulering is &amp;juist voor de gast</translation>
    </message>
    <message>
      <source>Send &amp;proposal</source>
      <translation>&amp;Voorstel versturen</translation>
    </message>
    <message>
      <source>&amp;Approve edited label</source>
      <translation>Bewerkt label goed&amp;keuren</translation>
    </message>
    <message>
      <source>Save &amp;wording</source>
      <translation>Formulering &amp;opslaan</translation>
    </message>
    <message>
      <source>{words}: this is health information. Tick “Health information” above to send it as a special-category label, or reword it.</source>
      <translation>{words}: dit is gezondheidsinformatie. Vink hierboven “Gezondheidsinformatie” aan om het als label in een bijzondere categorie te versturen, of herformuleer het.</translation>
    </message>
    <message>
      <source>{words}: this is health information. Answer “Health” below, or reword it.</source>
      <translation>{words}: dit is gezondheidsinformatie. Antwoord hieronder „Gezondheid”, of formuleer het anders.</translation>
    </message>
    <message>
      <source>This wording cannot be sent: it judges a person. Change the marked words; the reason is under each field.</source>
      <translation>Deze formulering kan niet worden verstuurd: ze oordeelt over een persoon. Wijzig de gemarkeerde woorden; de reden staat onder elk veld.</translation>
    </message>
    <message>
      <source>Allowed, with a warning: a manager will look at the marked words again.</source>
      <translation>Toegestaan, met een waarschuwing: een manager kijkt nog eens naar de gemarkeerde woorden.</translation>
    </message>
    <message>
      <source>✓ The wording checks found nothing.</source>
      <translation>✓ De formuleringscontrole vond niets.</translation>
    </message>
    <message>
      <source>Answer the question above: does this label reveal health, or another special category?</source>
      <translation>Beantwoord eerst de vraag hierboven: onthult dit label gezondheid, of een andere bijzondere categorie?</translation>
    </message>
    <message>
      <source>A label that reveals another special category cannot be approved or kept: change the words, or cancel.</source>
      <translation>Een label dat een andere bijzondere categorie onthult, kan niet worden goedgekeurd of bewaard: pas de woorden aan, of annuleer.</translation>
    </message>
    <message>
      <source>This label is in use as ordinary data, without consent: it cannot become health information. Retire it and propose a new health label.</source>
      <translation>Dit label is in gebruik als gewone gegevens, zonder toestemming: het kan geen gezondheidsinformatie worden. Neem het uit gebruik en stel een nieuw gezondheidslabel voor.</translation>
    </message>
    <message>
      <source>This is a health label, used with consent: retire it and propose new words instead.</source>
      <translation>Dit is een gezondheidslabel, gebruikt met toestemming: neem het uit gebruik en stel in plaats daarvan nieuwe woorden voor.</translation>
    </message>
  </context>
  <context>
    <name>QMessageBox</name>
    <message>
      <source>Your recovery passphrase</source>
      <translation>Uw herstelwachtzin</translation>
    </message>
    <message>
      <source>Write this recovery passphrase down and lock it away. It is shown only this once.</source>
      <translation>Schrijf deze herstelwachtzin op en berg hem veilig op. Hij wordt alleen deze ene keer getoond.</translation>
    </message>
    <message>
      <source>If this computer's keyring is ever locked or lost, it opens the store. Without it (or a backup and its passphrase) nobody can open the store.</source>
      <translation>Als de sleutelbos van deze computer ooit vergrendeld raakt of verloren gaat, opent deze wachtzin de gegevens. Zonder wachtzin (of een back-up met zijn wachtzin) kan niemand de gegevens openen.</translation>
    </message>
  </context>
  <context>
    <name>QuitDialog</name>
    <message>
      <source>Quit Frontdesk</source>
      <translation>Frontdesk afsluiten</translation>
    </message>
    <message>
      <source>The desk is locked. To quit, {name} or a manager types their PIN.</source>
      <translation>De balie is vergrendeld. Om af te sluiten typt {name} of een manager de eigen pincode.</translation>
    </message>
    <message>
      <source>&amp;Name:</source>
      <translation>&amp;Naam:</translation>
    </message>
    <message>
      <source>&amp;PIN:</source>
      <translation>&amp;Pincode:</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Afsluiten</translation>
    </message>
    <message>
      <source>Choose your name first.</source>
      <translation>Kies eerst uw naam.</translation>
    </message>
  </context>
  <context>
    <name>RejectDialog</name>
    <message>
      <source>Reject a proposal</source>
      <translation>Voorstel afwijzen</translation>
    </message>
    <message>
      <source>Reject “{wording}”?</source>
      <translation>“{wording}” afwijzen?</translation>
    </message>
    <message>
      <source>Why? The proposer will see this.</source>
      <translation>Waarom? De indiener ziet dit.</translation>
    </message>
    <message>
      <source>Optional: about the wording only, never about a guest</source>
      <translation>Optioneel: alleen over de formulering, nooit over een gast</translation>
    </message>
    <message>
      <source>&amp;Note:</source>
      <translation>&amp;Toelichting:</translation>
    </message>
    <message>
      <source>Re&amp;ject proposal</source>
      <translation>Voorstel &amp;afwijzen</translation>
    </message>
  </context>
  <context>
    <name>RemovalDialog</name>
    <message>
      <source>Remove label</source>
      <translation>Label verwijderen</translation>
    </message>
    <message>
      <source>Remove “{label}”?</source>
      <translation>“{label}” verwijderen?</translation>
    </message>
    <message>
      <source>Why is it removed?</source>
      <translation>Waarom wordt het verwijderd?</translation>
    </message>
    <message>
      <source>&amp;Remove label</source>
      <translation>Label &amp;verwijderen</translation>
    </message>
  </context>
  <context>
    <name>ResetPinDialog</name>
    <message>
      <source>Reset PIN</source>
      <translation>Pincode opnieuw instellen</translation>
    </message>
    <message>
      <source>A new PIN for {name}. Tell it to them in person; they can sign in with it at once.</source>
      <translation>Een nieuwe pincode voor {name}. Vertel die persoonlijk; er kan meteen mee worden aangemeld.</translation>
    </message>
    <message>
      <source>New &amp;PIN (4–12 digits):</source>
      <translation>Nieuwe &amp;pincode (4–12 cijfers):</translation>
    </message>
    <message>
      <source>PIN &amp;again:</source>
      <translation>Pincode &amp;nogmaals:</translation>
    </message>
    <message>
      <source>The two PINs differ. Type the same PIN twice.</source>
      <translation>De twee pincodes verschillen. Typ twee keer dezelfde pincode.</translation>
    </message>
  </context>
  <context>
    <name>RestoreDialog</name>
    <message>
      <source>The store did not open</source>
      <translation>De gegevens zijn niet geopend</translation>
    </message>
    <message>
      <source>Checking and restoring the backup…</source>
      <translation>De back-up wordt gecontroleerd en teruggezet…</translation>
    </message>
    <message>
      <source>Restore</source>
      <translation>Terugzetten</translation>
    </message>
    <message>
      <source>This store cannot be restored from here (a demo or shared store). On the computer that keeps the store, use: frontdesk restore --from FILE</source>
      <translation>Deze gegevens kunnen hier niet worden teruggezet (demo- of gedeelde opslag). Gebruik op de computer die de gegevens bewaart: frontdesk restore --from BESTAND</translation>
    </message>
    <message>
      <source>Restore anyway?</source>
      <translation>Toch terugzetten?</translation>
    </message>
    <message>
      <source>The backup was restored: integrity check passed, {n} audit events verified. Sign in again.</source>
      <translation>De back-up is teruggezet: integriteitscontrole geslaagd, {n} auditgebeurtenissen gecontroleerd. Meld u opnieuw aan.</translation>
    </message>
    <message>
      <source>{n} guest(s) who asked to be erased after this backup was made were erased again.</source>
      <translation>{n} gast(en) die na het maken van deze back-up om wissen vroegen, zijn opnieuw gewist.</translation>
    </message>
    <message>
      <source>This computer had no record of erasures since the backup: any guest erased since then is back, and must be erased again.</source>
      <translation>Deze computer had geen overzicht van wissingen sinds de back-up: een gast die sindsdien is gewist, is terug en moet opnieuw worden gewist.</translation>
    </message>
    <message>
      <source>The store it replaced is kept in {folder}.</source>
      <translation>De vervangen gegevens zijn bewaard in {folder}.</translation>
    </message>
    <message>
      <source>Restored</source>
      <translation>Teruggezet</translation>
    </message>
    <message>
      <source>Nothing was restored.</source>
      <translation>Er is niets teruggezet.</translation>
    </message>
    <message>
      <source>Not restored</source>
      <translation>Niet teruggezet</translation>
    </message>
    <message>
      <source>Restore from a backup</source>
      <translation>Terugzetten uit een back-up</translation>
    </message>
    <message>
      <source>Restoring replaces everything in this store with the backup. The backup is checked first (passphrase, integrity, audit log); if a check fails nothing is replaced. The current store is kept beside it. Everyone is signed out.</source>
      <translation>Terugzetten vervangt alle gegevens door de back-up. De back-up wordt eerst gecontroleerd (wachtzin, integriteit, auditlogboek); mislukt een controle, dan wordt niets vervangen. De huidige gegevens blijven ernaast bewaard. Iedereen wordt afgemeld.</translation>
    </message>
    <message>
      <source>a .fdbackup file</source>
      <translation>een .fdbackup-bestand</translation>
    </message>
    <message>
      <source>&amp;Choose…</source>
      <translation>&amp;Kiezen…</translation>
    </message>
    <message>
      <source>&amp;Backup:</source>
      <translation>&amp;Back-up:</translation>
    </message>
    <message>
      <source>&amp;Passphrase:</source>
      <translation>&amp;Wachtzin:</translation>
    </message>
    <message>
      <source>&amp;Restore</source>
      <translation>&amp;Terugzetten</translation>
    </message>
    <message>
      <source>Choose the backup</source>
      <translation>Kies de back-up</translation>
    </message>
    <message>
      <source>Frontdesk backups (*.fdbackup);;All files (*)</source>
      <translation>Frontdesk-back-ups (*.fdbackup);;Alle bestanden (*)</translation>
    </message>
    <message>
      <source>Backup made {when}</source>
      <translation>Back-up gemaakt op {when}</translation>
    </message>
    <message>
      <source>Choose the backup file first.</source>
      <translation>Kies eerst het back-upbestand.</translation>
    </message>
    <message>
      <source>Type the backup's passphrase.</source>
      <translation>Typ de wachtzin van de back-up.</translation>
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
      <translation>Annuleren</translation>
    </message>
    <message>
      <source>Email</source>
      <translation>E-mail</translation>
    </message>
    <message>
      <source>The guest has a booking or stay coming up</source>
      <translation>De gast heeft binnenkort een reservering of verblijf</translation>
    </message>
    <message>
      <source>The guest asked us to keep their details</source>
      <translation>De gast heeft gevraagd de gegevens te bewaren</translation>
    </message>
    <message>
      <source>We must keep the record for a legal reason (invoice, claim)</source>
      <translation>We moeten de gegevens om een wettelijke reden bewaren (factuur, claim)</translation>
    </message>
    <message>
      <source>The guest visits our other venue or was seen recently</source>
      <translation>De gast bezoekt onze andere vestiging of was hier kortgeleden</translation>
    </message>
    <message>
      <source>Erase a guest</source>
      <translation>Gast wissen</translation>
    </message>
    <message>
      <source>Erase {name} completely? Their details, labels, visits and consents are deleted at once and cannot be restored. The audit log keeps only an anonymous token.

Type your PIN to confirm.</source>
      <translation>{name} volledig wissen? Gegevens, labels, bezoeken en toestemmingen worden direct verwijderd en kunnen niet worden hersteld. Het logboek bewaart alleen een anonieme code.

Typ uw pincode om te bevestigen.</translation>
    </message>
    <message>
      <source>Erasing {name}…</source>
      <translation>{name} wordt gewist…</translation>
    </message>
    <message>
      <source>Erase everything</source>
      <translation>Alles wissen</translation>
    </message>
    <message>
      <source>The guest could not be erased; nothing was changed. Try again, or ask your technical contact.</source>
      <translation>De gast kon niet worden gewist; er is niets veranderd. Probeer het opnieuw of vraag uw technische contactpersoon.</translation>
    </message>
    <message>
      <source>Retention review</source>
      <translation>Bewaartermijnen nalopen</translation>
    </message>
    <message>
      <source>Guests not seen for</source>
      <translation>Gasten niet gezien sinds</translation>
    </message>
    <message>
      <source> months</source>
      <translation> maanden</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>Toepassen</translation>
    </message>
    <message>
      <source>These guests have not visited for the retention period. Erase each one, or keep them with a reason: a kept guest comes back to this list after another period.</source>
      <translation>Deze gasten zijn de hele bewaartermijn niet geweest. Wis ze een voor een, of bewaar ze met een reden: een bewaarde gast verschijnt na een volgende termijn weer op deze lijst.</translation>
    </message>
    <message>
      <source>Last seen</source>
      <translation>Laatst gezien</translation>
    </message>
    <message>
      <source>Nobody is due for review.</source>
      <translation>Niemand hoeft te worden nagelopen.</translation>
    </message>
    <message>
      <source>Keep, because:</source>
      <translation>Bewaren, omdat:</translation>
    </message>
    <message>
      <source>&amp;Keep</source>
      <translation>&amp;Bewaren</translation>
    </message>
    <message>
      <source>&amp;Erase…</source>
      <translation>&amp;Wissen…</translation>
    </message>
    <message>
      <source>Kept {name}.</source>
      <translation>{name} bewaard.</translation>
    </message>
    <message>
      <source>Erased {name}.</source>
      <translation>{name} gewist.</translation>
    </message>
    <message>
      <source>Rete&amp;ntion…</source>
      <translation>Bew&amp;aartermijnen…</translation>
    </message>
  </context>
  <context>
    <name>RetentionDialog</name>
    <message>
      <source>Change retention</source>
      <translation>Bewaartermijn wijzigen</translation>
    </message>
    <message>
      <source> days</source>
      <translation> dagen</translation>
    </message>
    <message>
      <source>Now kept for {old} days. {n} guest(s) carry it: their labels will expire the new number of days after each was added — a shorter period can end some at once.</source>
      <translation>Nu {old} dagen bewaard. {n} gast(en) hebben dit label: hun labels verlopen het nieuwe aantal dagen nadat ze elk zijn toegevoegd — bij een kortere termijn kunnen er direct enkele verlopen.</translation>
    </message>
    <message>
      <source>&amp;Keep for:</source>
      <translation>&amp;Bewaren:</translation>
    </message>
    <message>
      <source>&amp;Change retention</source>
      <translation>Bewaartermijn &amp;wijzigen</translation>
    </message>
  </context>
  <context>
    <name>RetireDialog</name>
    <message>
      <source>Retire a label</source>
      <translation>Label uit gebruik nemen</translation>
    </message>
    <message>
      <source>Retire “{w}”?</source>
      <translation>“{w}” uit gebruik nemen?</translation>
    </message>
    <message>
      <source>Nobody can add it to a guest any more. {n} guest(s) carry it now. What happens to theirs?</source>
      <translation>Niemand kan het dan nog aan een gast toevoegen. {n} gast(en) hebben het nu. Wat gebeurt er met hun label?</translation>
    </message>
    <message>
      <source>&amp;Take it off all {n} guest(s) now</source>
      <translation>Nu bij alle {n} gast(en) &amp;verwijderen</translation>
    </message>
    <message>
      <source>&amp;Leave it on until each one expires (after {days} days)</source>
      <translation>&amp;Laten staan tot het verloopt (na {days} dagen)</translation>
    </message>
    <message>
      <source>&amp;Retire label</source>
      <translation>Label uit gebruik &amp;nemen</translation>
    </message>
  </context>
  <context>
    <name>ReviewModel</name>
    <message>
      <source>Check</source>
      <translation>Controle</translation>
    </message>
    <message>
      <source>Staff wording</source>
      <translation>Formulering voor medewerkers</translation>
    </message>
    <message>
      <source>Proposed by</source>
      <translation>Voorgesteld door</translation>
    </message>
  </context>
  <context>
    <name>ReviewQueueDialog</name>
    <message>
      <source>Review proposed labels</source>
      <translation>Voorgestelde labels beoordelen</translation>
    </message>
    <message>
      <source>&amp;Approve</source>
      <translation>&amp;Goedkeuren</translation>
    </message>
    <message>
      <source>&amp;Edit and approve…</source>
      <translation>&amp;Bewerken en goedkeuren…</translation>
    </message>
    <message>
      <source>&amp;Reject…</source>
      <translation>&amp;Afwijzen…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Sluiten</translation>
    </message>
    <message>
      <source>Review proposed labels — {n} waiting</source>
      <translation>Voorgestelde labels beoordelen — {n} wachtend</translation>
    </message>
    <message>
      <source>No proposals are waiting.
Staff propose new labels from the label picker.</source>
      <translation>Er wachten geen voorstellen.
Medewerkers stellen nieuwe labels voor via de labelkiezer.</translation>
    </message>
    <message>
      <source>Nothing to review.</source>
      <translation>Niets te beoordelen.</translation>
    </message>
    <message>
      <source>Approve is off: the wording checks block this proposal. Edit the wording, or reject it with a reason.</source>
      <translation>Goedkeuren kan niet: de formuleringscontrole blokkeert dit voorstel. Bewerk de formulering, of wijs het af met een reden.</translation>
    </message>
    <message>
      <source>Answer the question first: does this label reveal health, or another special category?</source>
      <translation>Beantwoord eerst de vraag: onthult dit label gezondheid, of een andere bijzondere categorie?</translation>
    </message>
    <message>
      <source>A label that reveals another special category cannot be approved: reject it, or edit it so it says only what the guest needs.</source>
      <translation>Een label dat een andere bijzondere categorie onthult, kan niet worden goedgekeurd: wijs het af, of bewerk het zodat het alleen zegt wat de gast nodig heeft.</translation>
    </message>
    <message>
      <source>Tick “I have read this warning” to approve.</source>
      <translation>Vink “Ik heb deze waarschuwing gelezen” aan om goed te keuren.</translation>
    </message>
    <message>
      <source>Not approved</source>
      <translation>Niet goedgekeurd</translation>
    </message>
    <message>
      <source>Approved “{w}”: staff can add it from the label picker now.</source>
      <translation>“{w}” goedgekeurd: medewerkers kunnen het nu toevoegen via de labelkiezer.</translation>
    </message>
    <message>
      <source>Edited and approved “{w}”.</source>
      <translation>“{w}” bewerkt en goedgekeurd.</translation>
    </message>
    <message>
      <source>Not rejected</source>
      <translation>Niet afgewezen</translation>
    </message>
    <message>
      <source>Rejected “{w}”. The proposer sees your reason.</source>
      <translation>“{w}” afgewezen. De indiener ziet uw reden.</translation>
    </message>
  </context>
  <context>
    <name>RoleDialog</name>
    <message>
      <source>Change role</source>
      <translation>Rol wijzigen</translation>
    </message>
    <message>
      <source>{name} is now {role}. What they may do follows their role.</source>
      <translation>{name} is nu {role}. Wat iemand mag doen, volgt uit de rol.</translation>
    </message>
    <message>
      <source>New &amp;role:</source>
      <translation>Nieuwe &amp;rol:</translation>
    </message>
  </context>
  <context>
    <name>SearchResults</name>
    <message>
      <source>Searching…</source>
      <translation>Zoeken…</translation>
    </message>
    <message>
      <source>Type part of a name, an email address or a phone number.</source>
      <translation>Typ een deel van een naam, een e-mailadres of een telefoonnummer.</translation>
    </message>
    <message>
      <source>First {n} guests shown · ↑↓ choose, ↓ at the end shows more · Enter opens · Esc clears</source>
      <translation>Eerste {n} gasten getoond · ↑↓ kiezen, ↓ aan het eind toont meer · Enter opent · Esc wist</translation>
    </message>
    <message>
      <source>{n} guests shown · ↑↓ choose · Enter opens · Esc clears</source>
      <translation>{n} gasten getoond · ↑↓ kiezen · Enter opent · Esc wist</translation>
    </message>
    <message>
      <source>1 guest · Enter opens · Esc clears</source>
      <translation>1 gast · Enter opent · Esc wist</translation>
    </message>
    <message>
      <source>No guest matches what you typed.
Check the spelling, or press Ctrl+N to add a new guest.</source>
      <translation>Geen gast gevonden.
Controleer de spelling, of druk op Ctrl+N om een nieuwe gast toe te voegen.</translation>
    </message>
    <message>
      <source>Finding more guests…</source>
      <translation>Meer gasten zoeken…</translation>
    </message>
  </context>
  <context>
    <name>SearchResultsModel</name>
    <message>
      <source>Preferred name</source>
      <translation>Roepnaam</translation>
    </message>
    <message>
      <source>Full name</source>
      <translation>Volledige naam</translation>
    </message>
    <message>
      <source>Matched</source>
      <translation>Gevonden op</translation>
    </message>
    <message>
      <source>Email</source>
      <translation>E-mail</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Telefoon</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>Taal</translation>
    </message>
    <message>
      <source>today</source>
      <translation>vandaag</translation>
    </message>
    <message>
      <source>this week</source>
      <translation>deze week</translation>
    </message>
    <message>
      <source>Not an exact match of what you typed: check with the guest before greeting them by this name.</source>
      <translation>Niet precies wat u typte: vraag het de gast voordat u hem of haar met deze naam begroet.</translation>
    </message>
  </context>
  <context>
    <name>ShowGuest</name>
    <message>
      <source>Show guest</source>
      <translation>Tonen aan gast</translation>
    </message>
  </context>
  <context>
    <name>SignInPage</name>
    <message>
      <source>Sign in</source>
      <translation>Aanmelden</translation>
    </message>
    <message>
      <source>Choose your name and type your PIN.</source>
      <translation>Kies uw naam en typ uw pincode.</translation>
    </message>
    <message>
      <source>PIN</source>
      <translation>Pincode</translation>
    </message>
    <message>
      <source>&amp;Sign in</source>
      <translation>&amp;Aanmelden</translation>
    </message>
    <message>
      <source>&amp;Name:</source>
      <translation>&amp;Naam:</translation>
    </message>
    <message>
      <source>&amp;PIN:</source>
      <translation>&amp;Pincode:</translation>
    </message>
    <message>
      <source>Desk locked</source>
      <translation>Balie vergrendeld</translation>
    </message>
    <message>
      <source>{name}, type your PIN to continue — or choose your own name to take over the desk.</source>
      <translation>{name}, typ uw pincode om verder te gaan — of kies uw eigen naam om de balie over te nemen.</translation>
    </message>
    <message>
      <source>Choose your name first.</source>
      <translation>Kies eerst uw naam.</translation>
    </message>
  </context>
  <context>
    <name>SpecialQuestion</name>
    <message>
      <source>Does this label reveal health, or another special category of personal data?</source>
      <translation>Onthult dit label gezondheid, of een andere bijzondere categorie persoonsgegevens?</translation>
    </message>
    <message>
      <source>&amp;No — ordinary service data</source>
      <translation>&amp;Nee — gewone servicegegevens</translation>
    </message>
    <message>
      <source>&amp;Health — used only with the guest's explicit consent</source>
      <translation>Gezond&amp;heid — alleen met uitdrukkelijke toestemming van de gast</translation>
    </message>
    <message>
      <source>Ano&amp;ther special category — cannot be approved</source>
      <translation>Andere bijzondere ca&amp;tegorie — kan niet worden goedgekeurd</translation>
    </message>
    <message>
      <source>Origin or nationality, religion, sexual life or orientation, political opinions, union membership, genetic or biometric data.</source>
      <translation>Afkomst of nationaliteit, religie, seksleven of geaardheid, politieke opvattingen, vakbondslidmaatschap, genetische of biometrische gegevens.</translation>
    </message>
    <message>
      <source>Other special categories: origin or nationality, religion, sexual life or orientation, political opinions, union membership, genetic or biometric data.</source>
      <translation>Andere bijzondere categorieën: afkomst of nationaliteit, religie, seksleven of geaardheid, politieke opvattingen, vakbondslidmaatschap, genetische of biometrische gegevens.</translation>
    </message>
    <message>
      <source>health ({words})</source>
      <translation>gezondheid ({words})</translation>
    </message>
    <message>
      <source>{category} ({words})</source>
      <translation>{category} ({words})</translation>
    </message>
    <message>
      <source>The automatic check found: {found}.</source>
      <translation>De automatische controle vond: {found}.</translation>
    </message>
    <message>
      <source>The automatic check found no health or other special category — it can miss words it does not know.</source>
      <translation>De automatische controle vond geen gezondheid of andere bijzondere categorie — woorden die ze niet kent, kan ze missen.</translation>
    </message>
  </context>
  <context>
    <name>StaffDialog</name>
    <message>
      <source>Staff</source>
      <translation>Medewerkers</translation>
    </message>
    <message>
      <source>&amp;Add staff member…</source>
      <translation>Medewerker &amp;toevoegen…</translation>
    </message>
    <message>
      <source>&amp;Deactivate</source>
      <translation>&amp;Deactiveren</translation>
    </message>
    <message>
      <source>Reset &amp;PIN…</source>
      <translation>&amp;Pincode opnieuw instellen…</translation>
    </message>
    <message>
      <source>&amp;Unlock</source>
      <translation>&amp;Ontgrendelen</translation>
    </message>
    <message>
      <source>Change &amp;role…</source>
      <translation>&amp;Rol wijzigen…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Sluiten</translation>
    </message>
    <message>
      <source>Deactivated staff can no longer sign in; their name stays on what they recorded. Five wrong PINs lock an account for five minutes; Unlock lifts it now. Every change here is in the audit log.</source>
      <translation>Gedeactiveerde medewerkers kunnen niet meer aanmelden; hun naam blijft staan bij wat ze vastlegden. Vijf verkeerde pincodes vergrendelen een account vijf minuten; Ontgrendelen heft dat nu op. Elke wijziging hier staat in het auditlogboek.</translation>
    </message>
    <message>
      <source>Re&amp;activate</source>
      <translation>&amp;Heractiveren</translation>
    </message>
    <message>
      <source>New PIN set for {name}.</source>
      <translation>Nieuwe pincode ingesteld voor {name}.</translation>
    </message>
    <message>
      <source>Role changed for {name}.</source>
      <translation>Rol gewijzigd voor {name}.</translation>
    </message>
    <message>
      <source>{name} can sign in again.</source>
      <translation>{name} kan weer aanmelden.</translation>
    </message>
    <message>
      <source>Deactivate</source>
      <translation>Deactiveren</translation>
    </message>
    <message>
      <source>Deactivate {name}? They can no longer sign in.</source>
      <translation>{name} deactiveren? Diegene kan zich dan niet meer aanmelden.</translation>
    </message>
  </context>
  <context>
    <name>StaffModel</name>
    <message>
      <source>Name</source>
      <translation>Naam</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>Rol</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>deactivated</source>
      <translation>gedeactiveerd</translation>
    </message>
    <message>
      <source>locked (wrong PINs)</source>
      <translation>geblokkeerd (verkeerde pincodes)</translation>
    </message>
    <message>
      <source>active</source>
      <translation>actief</translation>
    </message>
  </context>
  <context>
    <name>StaffPage</name>
    <message>
      <source>For staff: type your PIN ({name}), or a manager's, to return to the desk.</source>
      <translation>Voor medewerkers: typ uw pincode ({name}), of die van een manager, om terug te gaan naar de balie.</translation>
    </message>
    <message>
      <source>Return to desk</source>
      <translation>Terug naar de balie</translation>
    </message>
    <message>
      <source>Files made for the guest (folder for guest files): {names}</source>
      <translation>Bestanden gemaakt voor de gast (map voor bestanden voor gasten): {names}</translation>
    </message>
  </context>
  <context>
    <name>StoreOpen</name>
    <message>
      <source>The store did not open</source>
      <translation>De gegevens zijn niet geopend</translation>
    </message>
    <message>
      <source>Frontdesk could not open its store.</source>
      <translation>Frontdesk kon zijn gegevens niet openen.</translation>
    </message>
    <message>
      <source>&amp;Retry</source>
      <translation>&amp;Opnieuw proberen</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Afsluiten</translation>
    </message>
    <message>
      <source>demo (throw-away)</source>
      <translation>demo (wordt weggegooid)</translation>
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
      <translation>&amp;Vandaag</translation>
    </message>
    <message>
      <source>Se&amp;rvice:</source>
      <translation>Di&amp;enst:</translation>
    </message>
    <message>
      <source>Enter opens the guest card · Space or A marks arrived</source>
      <translation>Enter opent de gastenkaart · Spatie of A markeert als aangekomen</translation>
    </message>
    <message>
      <source>Hotel &amp;arrivals</source>
      <translation>Hotel&amp;aankomsten</translation>
    </message>
    <message>
      <source>Restaurant &amp;bookings</source>
      <translation>Restaurant&amp;reserveringen</translation>
    </message>
    <message>
      <source>Cannot show the list</source>
      <translation>Kan de lijst niet tonen</translation>
    </message>
    <message>
      <source>No arrivals for {day}</source>
      <translation>Geen aankomsten op {day}</translation>
    </message>
    <message>
      <source>No {service} bookings for {day}</source>
      <translation>Geen reserveringen voor {service} op {day}</translation>
    </message>
    <message>
      <source>Not marked</source>
      <translation>Niet gemarkeerd</translation>
    </message>
    <message>
      <source>{name} marked as arrived — press Space again to undo</source>
      <translation>{name} gemarkeerd als aangekomen — druk nogmaals op Spatie om dit ongedaan te maken</translation>
    </message>
    <message>
      <source>{name} is expected again</source>
      <translation>{name} wordt weer verwacht</translation>
    </message>
  </context>
  <context>
    <name>VenueSettingsDialog</name>
    <message>
      <source>Venue settings</source>
      <translation>Instellingen van de vestiging</translation>
    </message>
    <message>
      <source>No printer found on this computer</source>
      <translation>Geen printer gevonden op deze computer</translation>
    </message>
    <message>
      <source>C&amp;hoose…</source>
      <translation>K&amp;iezen…</translation>
    </message>
    <message>
      <source> days</source>
      <translation> dagen</translation>
    </message>
    <message>
      <source>Folder for guest files</source>
      <translation>Map voor bestanden voor gasten</translation>
    </message>
  </context>
  <context>
    <name>VisitDialog</name>
    <message>
      <source>New booking or stay</source>
      <translation>Nieuwe reservering of verblijf</translation>
    </message>
    <message>
      <source>For {name}</source>
      <translation>Voor {name}</translation>
    </message>
    <message>
      <source>e.g. 204 or T7 (optional)</source>
      <translation>bijv. 204 of T7 (optioneel)</translation>
    </message>
    <message>
      <source>&amp;Kind:</source>
      <translation>&amp;Soort:</translation>
    </message>
    <message>
      <source>&amp;Date:</source>
      <translation>&amp;Datum:</translation>
    </message>
    <message>
      <source>&amp;Time:</source>
      <translation>&amp;Tijd:</translation>
    </message>
    <message>
      <source>&amp;Nights:</source>
      <translation>&amp;Nachten:</translation>
    </message>
    <message>
      <source>&amp;Service:</source>
      <translation>Di&amp;enst:</translation>
    </message>
    <message>
      <source>&amp;Party size:</source>
      <translation>&amp;Aantal personen:</translation>
    </message>
    <message>
      <source>&amp;Room or table:</source>
      <translation>&amp;Kamer of tafel:</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>&amp;Opslaan</translation>
    </message>
    <message>
      <source>This date is before today: the visit will be recorded as one that happened (arrived), not as expected.</source>
      <translation>Deze datum ligt vóór vandaag: het bezoek wordt vastgelegd als een bezoek dat heeft plaatsgevonden (aangekomen), niet als verwacht.</translation>
    </message>
    <message>
      <source>Type the number of guests (1 or more).</source>
      <translation>Typ het aantal gasten (1 of meer).</translation>
    </message>
    <message>
      <source>&amp;Save as a past visit</source>
      <translation>Op&amp;slaan als eerder bezoek</translation>
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
      <translation>Bezoek</translation>
    </message>
    <message>
      <source>Room/table</source>
      <translation>Kamer/tafel</translation>
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
      <translation>Verblijf</translation>
    </message>
  </context>
  <context>
    <name>VocabularyDialog</name>
    <message>
      <source>Vocabulary</source>
      <translation>Woordenlijst</translation>
    </message>
    <message>
      <source>Type to filter labels (Ctrl+F)</source>
      <translation>Typ om labels te filteren (Ctrl+F)</translation>
    </message>
    <message>
      <source>&amp;Find:</source>
      <translation>&amp;Zoeken:</translation>
    </message>
    <message>
      <source>Re&amp;word…</source>
      <translation>&amp;Herformuleren…</translation>
    </message>
    <message>
      <source>Change &amp;retention…</source>
      <translation>&amp;Bewaartermijn wijzigen…</translation>
    </message>
    <message>
      <source>Re&amp;tire…</source>
      <translation>&amp;Uit gebruik nemen…</translation>
    </message>
    <message>
      <source>Wording &amp;settings…</source>
      <translation>&amp;Instellingen formulering…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Sluiten</translation>
    </message>
    <message>
      <source>No label matches.</source>
      <translation>Geen label gevonden.</translation>
    </message>
    <message>
      <source>Wording settings saved.</source>
      <translation>Instellingen formulering opgeslagen.</translation>
    </message>
    <message>
      <source>Reworded. Guests who carry it see the new wording.</source>
      <translation>Geherformuleerd. Gasten met dit label zien de nieuwe formulering.</translation>
    </message>
    <message>
      <source>Retention not changed</source>
      <translation>Bewaartermijn niet gewijzigd</translation>
    </message>
    <message>
      <source>Retention changed; {n} guest label(s) got a new expiry date.</source>
      <translation>Bewaartermijn gewijzigd; {n} gastlabel(s) kregen een nieuwe vervaldatum.</translation>
    </message>
    <message>
      <source>Not retired</source>
      <translation>Niet uit gebruik genomen</translation>
    </message>
    <message>
      <source>Retired; taken off {n} guest(s).</source>
      <translation>Uit gebruik genomen; bij {n} gast(en) verwijderd.</translation>
    </message>
    <message>
      <source>Retired; guests keep it until it expires.</source>
      <translation>Uit gebruik genomen; gasten houden het tot het verloopt.</translation>
    </message>
  </context>
  <context>
    <name>VocabularyModel</name>
    <message>
      <source>Staff wording</source>
      <translation>Formulering voor medewerkers</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>Categorie</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Guests</source>
      <translation>Gasten</translation>
    </message>
    <message>
      <source>Kept for</source>
      <translation>Bewaard</translation>
    </message>
    <message>
      <source>in use</source>
      <translation>in gebruik</translation>
    </message>
    <message>
      <source>retired</source>
      <translation>uit gebruik</translation>
    </message>
    <message>
      <source>{n} days</source>
      <translation>{n} dagen</translation>
    </message>
  </context>
  <context>
    <name>WordingSettingsDialog</name>
    <message>
      <source>Wording settings</source>
      <translation>Instellingen formulering</translation>
    </message>
    <message>
      <source>Optional: a .toml file in the same format as the built-in rules</source>
      <translation>Optioneel: een .toml-bestand in hetzelfde formaat als de ingebouwde regels</translation>
    </message>
    <message>
      <source>&amp;Browse…</source>
      <translation>&amp;Bladeren…</translation>
    </message>
    <message>
      <source>none</source>
      <translation>geen</translation>
    </message>
    <message>
      <source>Proposals are checked with the built-in word lists plus your own. A file named wording_rules.toml in {folder} is always used; the file chosen here is added for this venue.
Extra files in use: {loaded}</source>
      <translation>Voorstellen worden gecontroleerd met de ingebouwde woordenlijsten plus uw eigen lijsten. Een bestand met de naam wording_rules.toml in {folder} wordt altijd gebruikt; het bestand dat u hier kiest, komt daar voor deze vestiging bij.
Extra bestanden in gebruik: {loaded}</translation>
    </message>
    <message>
      <source>Proposals must at least be worded in:</source>
      <translation>Voorstellen moeten minstens zijn geformuleerd in:</translation>
    </message>
    <message>
      <source>Extra wording rules file:</source>
      <translation>Extra bestand met formuleringsregels:</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>&amp;Opslaan</translation>
    </message>
    <message>
      <source>Wording rules file</source>
      <translation>Bestand met formuleringsregels</translation>
    </message>
    <message>
      <source>Wording rules (*.toml)</source>
      <translation>Formuleringsregels (*.toml)</translation>
    </message>
  </context>
</TS>
