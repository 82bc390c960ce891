// GOV.UK Frontend's components (error summary focus, radios, details, service navigation toggle). The pages work without
// this script: it only adds the behaviour the design system adds.
import { initAll } from '/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();
