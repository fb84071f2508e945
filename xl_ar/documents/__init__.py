"""Letters, statements and balance confirmations as documents, and e-mail.

An edge layer over the core (like the reports): it turns what the core computes into Word
documents (docxtpl templates the user can edit in Word, :mod:`~xl_ar.documents.templates`
and :mod:`~xl_ar.documents.render`), PDFs (LibreOffice headless, :mod:`~xl_ar.documents.pdf`),
``.eml`` drafts (:mod:`~xl_ar.documents.eml`) and, only when asked, messages sent over SMTP
with a send log that never sends the same document twice (:mod:`~xl_ar.documents.send`).
:mod:`~xl_ar.documents.context` says what each document holds; :mod:`~xl_ar.documents.batch`
writes a batch (one file per customer, named predictably, never over an existing one);
:mod:`~xl_ar.documents.settings` reads letterhead, signatory, remittance and SMTP settings.
"""
