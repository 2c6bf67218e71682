<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AppController</name>
    <message>
        <source>Configuration problem: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hirebridge is not set up yet: the Ashby API key or the Bob token is missing. Set the HIREBRIDGE_* variables, or try the demo with &apos;hirebridge --demo&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain is unavailable (%1). Secrets are kept for this run only and never written in plain text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo mode: a sandbox on this computer plays Ashby and Bob. Nothing leaves this machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local ledger could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing hires from Ashby…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync failed, nothing was changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only Bob can be pushed to in this version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pushing to Bob…</source>
        <translation>Übertragung an Bob…</translation>
    </message>
    <message>
        <source>Push finished: %1 sent, %2 already in Bob, %3 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hires that could not be read from Ashby: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync finished — hires read from Ashby: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoSandbox</name>
    <message>
        <source>The demo sandbox could not be started: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo sandbox stopped at start-up (exit code %1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo sandbox (hirebridge-sandbox) was not found next to the application.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo sandbox printed an unreadable start-up line.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HireSync</name>
    <message>
        <source>Reading hired applications from Ashby (page %1)…</source>
        <translation>Eingestellte Bewerbungen werden aus Ashby gelesen (Seite %1)…</translation>
    </message>
    <message>
        <source>Reading hire details from Ashby…</source>
        <translation>Details der Einstellungen werden aus Ashby gelesen…</translation>
    </message>
</context>
<context>
    <name>HiresModel</name>
    <message>
        <source>Bob</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BambooHR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Wird gesendet</translation>
    </message>
    <message>
        <source>Pushed</source>
        <translation>Übertragen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Exists</source>
        <translation>Vorhanden</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>No e-mail address</source>
        <translation>Keine E-Mail-Adresse</translation>
    </message>
    <message>
        <source>No accepted offer yet, so no start date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id in target: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>Kandidat</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Stelle</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Startdatum</translation>
    </message>
    <message>
        <source>Hiring manager</source>
        <translation>Einstellende Führungskraft</translation>
    </message>
    <message>
        <source>Push state in %1; tick a hire to push it there</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InMemorySecretStore</name>
    <message>
        <source>No secret is stored under &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory only (forgotten when Hirebridge quits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secure storage is unavailable (simulated by the in-memory store).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access to secure storage was denied (simulated by the in-memory store).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message>
        <source>The system keychain reported an unknown error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain did not answer within %1 seconds. It may be locked and waiting for an unlock prompt, or not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the macOS Keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Windows Credential Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system keychain (Secret Service)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Hirebridge</source>
        <translation>Hirebridge</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>&amp;Synchronisieren</translation>
    </message>
    <message>
        <source>Pull hired candidates from Ashby (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Push ticked</source>
        <translation>Markierte ü&amp;bertragen</translation>
    </message>
    <message>
        <source>&amp;Filter</source>
        <translation>&amp;Filtern</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;About Hirebridge</source>
        <translation>Ü&amp;ber Hirebridge</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by candidate, job or e-mail</source>
        <translation>Nach Kandidat, Stelle oder E-Mail filtern</translation>
    </message>
    <message>
        <source>Filter hires</source>
        <translation>Einstellungen filtern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop after the hires already being sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Nothing to push: tick a target for a hire, or select hires that are ready or failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>About Hirebridge</source>
        <translation>Über Hirebridge</translation>
    </message>
    <message>
        <source>Hirebridge %1

Moves hired candidates from Ashby into HiBob.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Push ticked (%1)</source>
        <translation>Markierte ü&amp;bertragen (%1)</translation>
    </message>
    <message>
        <source>Send the ticked hires to their targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Push selected</source>
        <translation>Ausgewählte ü&amp;bertragen</translation>
    </message>
    <message>
        <source>Send the selected hires to every target where they are ready or failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick a target for a hire, or select hires, to push them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hires: %1</source>
        <translation>Einstellungen: %1</translation>
    </message>
    <message>
        <source>Showing %1 of %2 hires</source>
        <translation>%1 von %2 Einstellungen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>state: count</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>States are counted per hire and target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No hires yet — press Sync to pull hired candidates from Ashby.</source>
        <translation>Noch keine Einstellungen – mit „Synchronisieren“ eingestellte Kandidaten aus Ashby holen.</translation>
    </message>
    <message>
        <source>No hires match “%1”.</source>
        <translation>Keine Einstellung passt zu „%1“.</translation>
    </message>
</context>
<context>
    <name>PushRun</name>
    <message>
        <source>Not in the ledger: run a sync first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Being pushed by another Hirebridge process right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No e-mail address in Ashby: cannot check Bob for an existing employee, so it is not sent.</source>
        <translation>Keine E-Mail-Adresse in Ashby: Ein vorhandener Mitarbeiter in Bob kann nicht geprüft werden, daher wird nichts gesendet.</translation>
    </message>
    <message>
        <source>Bob is not configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading Bob&apos;s employee directory…</source>
        <translation>Mitarbeiterverzeichnis von Bob wird gelesen…</translation>
    </message>
    <message>
        <source>the push was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrupted run; reconciled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Being reconciled by another Hirebridge process.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already an employee in Bob: %1 (id %2). Not created again.</source>
        <translation>Bereits Mitarbeiter in Bob: %1 (ID %2). Nicht erneut angelegt.</translation>
    </message>
    <message>
        <source>Would be sent to Bob&apos;s Hire URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not pushed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pushing to Bob…</source>
        <translation>Übertragung an Bob…</translation>
    </message>
</context>
</TS>
