export { cleanOrderName, signPreferenceLink, verifyPreferenceLink, orderNumberOf, type PreferenceLinkInput, type PreferenceLinkCheck } from './link';
export { emailSubject, orderKeyOf, orderNameOf, orderSubject } from './subjects';
export { PREFERENCE_LANGUAGES, escapeHtml, renderConfirmationPage, renderLinkErrorPage, renderPreferencePage } from './page';
export { savePreference, type PreferenceCustomer, type PreferenceWriteBack, type SavePreferenceInput, type SavePreferenceResult } from './save';
export { PREFERENCE_PAGE_HEADERS, renderPreferenceRequest, savePreferenceRequest, type PreferencePageResponse } from './handle';
export { applyStoredPreference, storedPreferenceFor } from './apply';
