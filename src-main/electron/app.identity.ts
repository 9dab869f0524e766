// Who the desktop app is to the operating system: the id installers, notifications (Windows
// AppUserModelID) and the single-instance lock key on. Must match build/electron-builder.yml.
export const APP_ID = 'app.topicdesk.desktop';
export const PRODUCT_NAME = 'Topicdesk';
