// Holds the station's status and tells subscribers when any part changes.
// Areas update their own slice (sync, devices, store, help); the renderer's status bar
// and the specialist's health panel subscribe through `station:status-changed`.
import type { DeviceHealth, StationStatus, SyncStatus } from '../../common/domain/status.js';
import { initialSyncStatus } from '../../common/domain/status.js';

type Listener = (status: StationStatus) => void;

export class StatusHub {
  private status: StationStatus = { sync: initialSyncStatus, devices: [], store: { state: 'ok' }, help: { open: false, acknowledged: false } };
  private readonly listeners = new Set<Listener>();

  get(): StationStatus {
    return this.status;
  }

  setSync(sync: SyncStatus): void {
    this.replace({ ...this.status, sync });
  }

  setDevice(health: DeviceHealth): void {
    const others = this.status.devices.filter((d) => d.id !== health.id);
    this.replace({ ...this.status, devices: [...others, health].sort((a, b) => a.id.localeCompare(b.id)) });
  }

  setStore(store: StationStatus['store']): void {
    this.replace({ ...this.status, store });
  }

  setHelp(help: StationStatus['help']): void {
    if (help.open === this.status.help.open && help.acknowledged === this.status.help.acknowledged) return; // a refreshed request changes nothing on the status bar
    this.replace({ ...this.status, help });
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private replace(next: StationStatus): void {
    this.status = next;
    for (const l of [...this.listeners]) {
      try {
        l(next);
      } catch {
        // A broken listener must not stop the others from hearing about the change.
      }
    }
  }
}
