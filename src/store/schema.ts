/**
 * The state store's schema (SQLite). Each migration runs once, in order, inside a transaction; the
 * version is kept in `meta`. Never edit a migration that shipped: add the next one.
 */

export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

  -- The processes of the SPE that pi-sender knows, with their latest mapped metadata. A process that
  -- may not be published (sigiloso, or restrito when not enabled) keeps only its id and access level.
  CREATE TABLE processes (
    spe_id TEXT PRIMARY KEY,
    access TEXT NOT NULL,                 -- publico | restrito | sigiloso | unknown
    publishable INTEGER NOT NULL,
    protocolo TEXT,
    data_hora_producao TEXT,
    especie TEXT,
    assunto TEXT,
    hash TEXT,                            -- of the mapped metadata: a change sends EN packages again
    seen_run INTEGER,
    updated_at TEXT NOT NULL
  );

  CREATE TABLE interessados (process TEXT NOT NULL, position INTEGER NOT NULL, nome TEXT NOT NULL, run INTEGER NOT NULL);
  CREATE INDEX interessados_process ON interessados(process);
  CREATE TABLE relacionados (process TEXT NOT NULL, position INTEGER NOT NULL, protocolo TEXT NOT NULL, run INTEGER NOT NULL);
  CREATE INDEX relacionados_process ON relacionados(process);

  -- One row per SPE history item to publish; spe_key makes enqueueing idempotent.
  CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    spe_key TEXT NOT NULL UNIQUE,
    process TEXT NOT NULL,
    data_hora_operacao TEXT NOT NULL,
    unidade_operacao TEXT NOT NULL,
    operacao TEXT NOT NULL,
    hash TEXT NOT NULL,
    package INTEGER REFERENCES packages(id),
    created_at TEXT NOT NULL
  );
  CREATE INDEX items_package ON items(package);
  CREATE INDEX items_unassigned ON items(process) WHERE package IS NULL;

  -- The SEI module's "pacotes": the items of one process sent together as one Documento.
  -- state: NI (não integrado), I (integrado), EN (erro negocial), FI (falha infra).
  CREATE TABLE packages (
    id INTEGER PRIMARY KEY,
    process TEXT NOT NULL,
    protocolo TEXT,
    state TEXT NOT NULL CHECK (state IN ('NI', 'I', 'EN', 'FI')),
    attempts INTEGER NOT NULL DEFAULT 0,
    code TEXT,                            -- NFxxx, a problem code, or a transport cause
    message TEXT,
    origin TEXT,                          -- pi | validation | transport
    problems TEXT,                        -- JSON, when the Documento was invalid
    xml TEXT,                             -- the Documento as built for the last attempt
    created_at TEXT NOT NULL,
    sent_at TEXT,
    state_at TEXT NOT NULL,
    alerted INTEGER NOT NULL DEFAULT 0    -- 1 once a failure alert covered it; cleared when it leaves EN/FI
  );
  -- At most one package not yet integrated per process: new items join it.
  CREATE UNIQUE INDEX packages_open ON packages(process) WHERE state <> 'I';
  CREATE INDEX packages_state ON packages(state, attempts);
  CREATE INDEX packages_protocolo ON packages(protocolo);

  CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL,                 -- running | ok | failed
    since TEXT,
    until TEXT,
    counts TEXT,                          -- JSON
    error TEXT
  );

  CREATE TABLE alerts (kind TEXT PRIMARY KEY, key TEXT NOT NULL, fired_at TEXT NOT NULL);

  -- Files of a drop folder already read (file sources).
  CREATE TABLE source_files (name TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ms INTEGER NOT NULL, read_at TEXT NOT NULL);

  -- One export at a time per store, across processes.
  CREATE TABLE lock (name TEXT PRIMARY KEY, pid INTEGER NOT NULL, host TEXT NOT NULL, since TEXT NOT NULL);
  `,
  `
  -- Every answer a package got, in order: the record "last successful send" and show read from.
  -- A forced resend or a change of the process never rewrites it; a package merged into another
  -- takes its attempts along.
  CREATE TABLE attempts (
    id INTEGER PRIMARY KEY,
    package INTEGER NOT NULL,
    at TEXT NOT NULL,
    outcome TEXT NOT NULL,                -- accepted | rejected | failed | invalid
    code TEXT,
    message TEXT,
    protocolo TEXT                        -- the Protocolo it was sent under
  );
  CREATE INDEX attempts_package ON attempts(package);
  CREATE INDEX attempts_outcome_at ON attempts(outcome, at);
  CREATE INDEX attempts_protocolo ON attempts(protocolo);
  -- Stores written before this table keep what they knew: one attempt per package that had one.
  INSERT INTO attempts (package, at, outcome, code, message, protocolo)
    SELECT id, COALESCE(sent_at, state_at),
      CASE state WHEN 'I' THEN 'accepted' WHEN 'FI' THEN 'failed' WHEN 'EN' THEN CASE origin WHEN 'validation' THEN 'invalid' ELSE 'rejected' END END,
      code, message, protocolo
    FROM packages WHERE state IN ('I', 'EN', 'FI');
  `,
  `
  -- For the console's filters and sorting and the compliance report's days (read-only readers).
  CREATE INDEX packages_created ON packages(created_at);
  CREATE INDEX packages_sent ON packages(sent_at);
  CREATE INDEX packages_code ON packages(code);
  CREATE INDEX runs_started ON runs(started_at);
  `,
  `
  -- list --state S (newest first) and the due packages, a page at a time by id, read by index, not
  -- by sorting every package of the state; list --since by the time of the last change.
  CREATE INDEX packages_state_id ON packages(state, id);
  CREATE INDEX packages_state_at ON packages(state_at);
  `,
  `
  -- An interessado's CPF (11 digits) and natureza, for the REST API: filled only while pi.sendCpf is
  -- on (personal data: cleared when it is turned off), never part of a package's XML.
  ALTER TABLE interessados ADD COLUMN cpf TEXT;
  ALTER TABLE interessados ADD COLUMN natureza TEXT;
  `,
];

/** The oldest schema a read-only reader (report, console) can read: later migrations only add indexes. */
export const READABLE_SCHEMA = 2;
