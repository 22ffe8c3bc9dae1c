/** How the explorer words the basis of a lesson or link (EvidenceBasis), for readers rather than for the API. */
export const basisLabels: Record<string, string> = {
  STATED: 'Stated by the report',
  SUMMARIZED: "Drawn from the report's own summary",
  EDITORIAL_INFERENCE: "The editors' inference, beyond what the report says",
};
