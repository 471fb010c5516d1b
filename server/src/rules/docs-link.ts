/** Where each rule's documentation lives; one page per rule id. */
export const RULE_DOCS_BASE_URL = 'https://github.com/skew-dev/skew/blob/main/docs/rules/';

export const ruleDocUrl = (rule: string): string => `${RULE_DOCS_BASE_URL}${encodeURIComponent(rule)}.md`;
