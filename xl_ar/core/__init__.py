"""xl-ar's engine: pure pandas/numpy, never xlwings.

This is the public API; code outside ``xl_ar.core`` imports only from here. The domain
sub-packages, each importing only those before it:

- ``base``: The kernel every domain shares: column names, cell and text values, dates and money,
  options, header synonyms, reading tables and files, writing files safely.
- ``ledger``: Reading a customer ledger: load, normalise, and the data-health problem log.
- ``position``: Where the receivables stand at a date: open items, aging and statements of
  account.
- ``metrics``: Collection metrics: DSO family, ratios (CEI, turnover), monthly KPI series, payment
  behaviour.
- ``provisioning``: Expected credit loss: loss rates, roll rates, allowance and its journal entry.
- ``cashflow``: Cash from receivables: collection forecast and factoring.
- ``cash_application``: Applying cash: payments tables, references, reconciliation and statements.
- ``credit``: Credit decisions: policy, scoring, limits and credit review.
- ``collections``: Collections work: strategy, interest on late payment, worklist and letters.
"""

from __future__ import annotations

from xl_ar.core.base import schema  # the canonical column names, as a namespace
from xl_ar.core.base.amounts import to_cents
from xl_ar.core.base.cells import (
    OVERFLOW,
    cell_text,
    cut_text,
    excel_error,
    finite_number,
    is_blank_value,
    number_from_text,
    quote_excerpt,
)
from xl_ar.core.base.columns import (
    column_map,
    header_lookup,
    header_score,
    key_values,
    normalize_header,
    split_mapping_row,
)
from xl_ar.core.base.customers import (
    customer_key,
    customer_keys,
    match_customers,
    unify_customers,
)
from xl_ar.core.base.dates import FIRST_DAY, decide_date_order, parse_dates
from xl_ar.core.base.labels import (
    LABELS,
    amounts_note,
    kpi_label,
    label,
    lang_index,
    money_unit,
    pick,
)
from xl_ar.core.base.options import as_buckets, as_date, choose
from xl_ar.core.base.outputs import (
    check_output,
    neutralise,
    neutralise_frame,
    neutralise_lines,
    os_error,
    output_folder,
    safe_output,
    write_error,
)
from xl_ar.core.base.sources import check_input_file
from xl_ar.core.base.tables import file_rows
from xl_ar.core.base.text import file_slug, grouped_number, plain_number, rupiah
from xl_ar.core.cash_application.bank_statement import (
    BANKS,
    BankStatement,
    detect_bank,
    ensure_receipts,
    read_bank_statement,
)
from xl_ar.core.cash_application.payers import identify_payers, read_va_map
from xl_ar.core.cash_application.payments import (
    ensure_payments,
    ensure_statement,
    read_payments,
    read_statement,
)
from xl_ar.core.cash_application.posting import (
    ACCOUNT_ROLES,
    DEFAULT_ACCOUNTS,
    JOURNAL_FORMATS,
    journal_csv,
    journal_lines,
    receipt_labels,
    receipt_list,
)
from xl_ar.core.cash_application.posting_settings import (
    POSTING_CONF_KEYS,
    PostingSettings,
    read_posting_settings,
)
from xl_ar.core.cash_application.reconcile import (
    STATUSES,
    ReconcileResult,
    apply_payments,
    reconcile,
)
from xl_ar.core.cash_application.statement import reconcile_statement
from xl_ar.core.cash_application.withholding import (
    TaxRules,
    invoice_taxes,
    tax_rules,
    withholders_from_master,
    withholding_notes,
)
from xl_ar.core.cash_application.withholding_slips import (
    read_withholding,
    withholding_records,
    withholding_slips,
)
from xl_ar.core.cashflow.factoring import factoring, factoring_lines
from xl_ar.core.cashflow.forecast import LINE_LABELS as FORECAST_LINE_LABELS
from xl_ar.core.cashflow.forecast import (
    customer_days_late,
    forecast,
    forecast_items,
    forecast_periods,
    read_giro,
)
from xl_ar.core.collections.activity import (
    ACTIONS,
    XL_AR_LOG_HEADER,
    XL_AR_LOG_NAME,
    collector_productivity,
    customer_activity,
    read_activity,
)
from xl_ar.core.collections.confirmation import (
    CONFIRMATION_FORMS,
    Confirmation,
    balance_confirmations,
)
from xl_ar.core.collections.disputes import (
    REASON_LABELS,
    DisputeReport,
    dispute_report,
    disputed_rows,
    read_disputes,
)
from xl_ar.core.collections.interest import (
    as_day_basis,
    as_fee,
    as_rate,
    dunning_charges,
    late_interest,
)
from xl_ar.core.collections.letter_sections import LetterSections, letter_sections
from xl_ar.core.collections.letters import (
    PLACEHOLDERS,
    LetterParts,
    LetterRun,
    LetterWriter,
    format_money,
    letter_files,
    letter_run,
    letter_text,
    letters_summary,
    load_templates,
    long_date,
    read_contact,
    write_letters,
)
from xl_ar.core.collections.strategy import (
    assign_stages,
    default_strategy,
    read_strategy,
    strategy_table,
)
from xl_ar.core.collections.whatsapp import whatsapp_links
from xl_ar.core.collections.worklist import (
    AGE_CAP_DAYS,
    PRIORITY_WEIGHTS,
    assess,
    priority_score,
    worklist,
)
from xl_ar.core.credit.credit_limit import METHODS, LimitResult, credit_limit, limit_detail_table
from xl_ar.core.credit.credit_policy import (
    C_NAMES,
    DEFAULT_POLICY,
    GRADES,
    SETTINGS,
    grade_table,
    policy_table,
    read_policy,
)
from xl_ar.core.credit.credit_review import credit_review
from xl_ar.core.credit.credit_score import ScoreResult, credit_score, read_scores, score_table
from xl_ar.core.credit.discount import as_discount, discount_cost, discount_cost_label
from xl_ar.core.ledger.currency import (
    CONVERTED_ATTR,
    HOME_CURRENCY,
    RATES_ATTR,
    assumed_currency_shown,
    convert_currency,
    currency_note,
    ledger_currencies,
    ledger_currency,
    read_rates,
    require_one_currency,
    require_own_amounts,
)
from xl_ar.core.ledger.customer_master import (
    BY_NOTE_ATTR,
    NOT_IN_MASTER,
    MasterMatch,
    attach_master,
    choose_by_column,
    ensure_master,
    group_labels,
    match_master,
    read_customer_master,
    whatsapp_number,
)
from xl_ar.core.ledger.layout import default_as_of, latest_ledger_date
from xl_ar.core.ledger.ledger import (
    LedgerLoad,
    ensure_ledger,
    health_check,
    is_canonical,
    load_ledger,
    read_ledger,
)
from xl_ar.core.ledger.profiles import PROFILES, Profile, detect_profile, profile_table
from xl_ar.core.ledger.sufficiency import (
    LedgerFacts,
    Sufficiency,
    check_snapshot_as_of,
    covered_start,
    data_sufficiency,
    ledger_facts,
    not_estimable,
    require_estimable,
    snapshot_date,
)
from xl_ar.core.metrics.dso import (
    DSO_METHODS,
    add_from_balances,
    best_possible_dso,
    countback_order,
    dso,
    dso_average,
    dso_countback,
    dso_countback_dated,
    dso_simple,
    period_days_from_ends,
)
from xl_ar.core.metrics.kpi_by import kpi_series_by
from xl_ar.core.metrics.kpi_series import kpi_series
from xl_ar.core.metrics.payment_behaviour import (
    days_late,
    days_to_pay,
    past_due_shares,
    weighted_average_days_to_pay,
)
from xl_ar.core.metrics.ratios import (
    arrears_ratio,
    average_collection_period,
    bad_debt_ratio,
    cei,
    collection_ratio,
    receivable_turnover,
    weighted_average_days,
)
from xl_ar.core.metrics.summary import kpi_summary
from xl_ar.core.position.account_statement import (
    STATEMENT_LABELS,
    AccountStatement,
    account_statement,
    account_statements,
    bucket_text,
    statement_rows,
)
from xl_ar.core.position.aging import TOTAL, aging, assign_buckets, bucket_labels
from xl_ar.core.position.aging_movement import AgingMovement, aging_movement
from xl_ar.core.position.by_column import master_match_at, master_notes
from xl_ar.core.position.left_out import left_out, left_out_notes, unread_rows
from xl_ar.core.position.open_items import days_between, open_items, outstanding_at
from xl_ar.core.provisioning.allowance import allowance
from xl_ar.core.provisioning.ecl import disclosure, ecl_from_ledger, provision_matrix, resolve_rates
from xl_ar.core.provisioning.loss_rates import check_defined, loss_rates

__all__ = [
    "schema",
    "ACCOUNT_ROLES",
    "ACTIONS",
    "AGE_CAP_DAYS",
    "AccountStatement",
    "AgingMovement",
    "BANKS",
    "BY_NOTE_ATTR",
    "BankStatement",
    "CONVERTED_ATTR",
    "C_NAMES",
    "CONFIRMATION_FORMS",
    "Confirmation",
    "DEFAULT_ACCOUNTS",
    "DEFAULT_POLICY",
    "DSO_METHODS",
    "DisputeReport",
    "FIRST_DAY",
    "FORECAST_LINE_LABELS",
    "GRADES",
    "HOME_CURRENCY",
    "journal_csv",
    "JOURNAL_FORMATS",
    "journal_lines",
    "LABELS",
    "LedgerFacts",
    "LedgerLoad",
    "LetterParts",
    "LetterRun",
    "LetterSections",
    "LetterWriter",
    "LimitResult",
    "MasterMatch",
    "METHODS",
    "NOT_IN_MASTER",
    "OVERFLOW",
    "PLACEHOLDERS",
    "POSTING_CONF_KEYS",
    "PostingSettings",
    "PRIORITY_WEIGHTS",
    "PROFILES",
    "Profile",
    "RATES_ATTR",
    "read_posting_settings",
    "REASON_LABELS",
    "receipt_labels",
    "receipt_list",
    "ReconcileResult",
    "SETTINGS",
    "STATEMENT_LABELS",
    "STATUSES",
    "ScoreResult",
    "Sufficiency",
    "TOTAL",
    "TaxRules",
    "XL_AR_LOG_HEADER",
    "XL_AR_LOG_NAME",
    "account_statement",
    "account_statements",
    "add_from_balances",
    "aging",
    "aging_movement",
    "allowance",
    "amounts_note",
    "apply_payments",
    "arrears_ratio",
    "as_buckets",
    "as_date",
    "as_day_basis",
    "as_discount",
    "as_fee",
    "as_rate",
    "assumed_currency_shown",
    "assess",
    "assign_buckets",
    "assign_stages",
    "attach_master",
    "average_collection_period",
    "bad_debt_ratio",
    "balance_confirmations",
    "best_possible_dso",
    "bucket_labels",
    "bucket_text",
    "cei",
    "cell_text",
    "check_defined",
    "check_input_file",
    "check_output",
    "check_snapshot_as_of",
    "choose",
    "choose_by_column",
    "collection_ratio",
    "collector_productivity",
    "convert_currency",
    "countback_order",
    "covered_start",
    "credit_limit",
    "credit_review",
    "credit_score",
    "currency_note",
    "customer_activity",
    "customer_days_late",
    "customer_key",
    "customer_keys",
    "cut_text",
    "data_sufficiency",
    "days_between",
    "days_late",
    "days_to_pay",
    "default_as_of",
    "default_strategy",
    "detect_bank",
    "detect_profile",
    "disclosure",
    "discount_cost",
    "discount_cost_label",
    "dispute_report",
    "disputed_rows",
    "dso",
    "dso_average",
    "dso_countback",
    "dso_countback_dated",
    "dso_simple",
    "dunning_charges",
    "ecl_from_ledger",
    "ensure_ledger",
    "ensure_master",
    "ensure_payments",
    "ensure_receipts",
    "ensure_statement",
    "excel_error",
    "factoring",
    "factoring_lines",
    "file_rows",
    "file_slug",
    "format_money",
    "finite_number",
    "forecast",
    "forecast_items",
    "forecast_periods",
    "grade_table",
    "group_labels",
    "grouped_number",
    "header_score",
    "column_map",
    "invoice_taxes",
    "kpi_series_by",
    "master_match_at",
    "master_notes",
    "match_master",
    "read_customer_master",
    "require_estimable",
    "snapshot_date",
    "split_mapping_row",
    "statement_rows",
    "decide_date_order",
    "header_lookup",
    "key_values",
    "health_check",
    "identify_payers",
    "is_blank_value",
    "is_canonical",
    "kpi_label",
    "kpi_series",
    "kpi_summary",
    "label",
    "lang_index",
    "late_interest",
    "latest_ledger_date",
    "ledger_currencies",
    "ledger_currency",
    "ledger_facts",
    "left_out",
    "left_out_notes",
    "letter_files",
    "letter_run",
    "letter_sections",
    "letter_text",
    "letters_summary",
    "limit_detail_table",
    "load_ledger",
    "load_templates",
    "long_date",
    "loss_rates",
    "match_customers",
    "money_unit",
    "neutralise",
    "neutralise_frame",
    "neutralise_lines",
    "normalize_header",
    "not_estimable",
    "number_from_text",
    "open_items",
    "os_error",
    "output_folder",
    "outstanding_at",
    "parse_dates",
    "past_due_shares",
    "period_days_from_ends",
    "pick",
    "plain_number",
    "policy_table",
    "priority_score",
    "profile_table",
    "provision_matrix",
    "quote_excerpt",
    "read_activity",
    "read_bank_statement",
    "read_contact",
    "read_disputes",
    "read_giro",
    "read_ledger",
    "read_payments",
    "read_policy",
    "read_rates",
    "read_scores",
    "read_statement",
    "read_strategy",
    "read_va_map",
    "read_withholding",
    "receivable_turnover",
    "reconcile",
    "reconcile_statement",
    "require_one_currency",
    "require_own_amounts",
    "resolve_rates",
    "rupiah",
    "safe_output",
    "score_table",
    "strategy_table",
    "tax_rules",
    "to_cents",
    "unify_customers",
    "unread_rows",
    "weighted_average_days",
    "weighted_average_days_to_pay",
    "whatsapp_links",
    "whatsapp_number",
    "withholders_from_master",
    "withholding_notes",
    "withholding_records",
    "withholding_slips",
    "worklist",
    "write_error",
    "write_letters",
]
