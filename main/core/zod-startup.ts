// zod compiles a fast parser for each object schema with `new Function` on its
// first parse (its "JIT"). A station parses most of its schemas once or a few
// times (the config, the catalogue, each IPC channel's first call), so at start
// the compiling costs far more than it saves: measured with the host's CPU
// profile to the first screen, zod's share fell from ≈ 210 to ≈ 110 ms with the
// JIT off (the dispatcher's first calls 41 → 4 ms, the config's check 36 → 10 ms).
// The setting is read when a schema is built, so each process entry takes this
// module before any module that builds one (launch.ts, electron/main.ts).
import { z } from 'zod';

z.config({ jitless: true });
