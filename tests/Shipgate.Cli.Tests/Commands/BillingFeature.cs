namespace Shipgate.Cli.Tests.Commands;

/// <summary>
/// An offline feature for the decision commands: a local:extractive candidate answers six billing questions from one
/// knowledge article, and every answer gets the approximate groundedness check, which its gate accepts (allow_approximate_groundedness).
/// </summary>
internal static class BillingFeature
{
    public const string Knowledge = """
        # Billing

        Refunds for a first Plus payment made on the website are paid in full within 14 days of the payment.

        Renewals can be refunded within 7 days of the renewal date, from Settings > Billing > Request refund.

        Every web payment creates a PDF invoice under Settings > Billing > Invoices.

        Tallybook Plus costs $4 per month or $40 per year on web, iOS and Android.
        """;

    private static readonly string[] Questions =
    [
        "How do I get a refund for my first payment?", "Can I get a renewal refunded?", "Where are my invoices?",
        "How much is Plus?", "Is Plus cheaper yearly?", "Where do I request a refund?",
    ];

    public static SuiteFolder Create() => new SuiteFolder().Write("knowledge/billing.md", Knowledge);

    /// <summary>Writes shipgate.yaml: the first case is safety-tagged; <paramref name="sections"/> go after the gate; <paramref name="moreCandidates"/> are whole candidate entries.</summary>
    public static void WriteSpec(SuiteFolder feature, string sections, string candidateExtra = "", string moreCandidates = "")
    {
        var cases = string.Join("", Questions.Select((q, i) => $"    - id: q{i}\n      tags: [{(i == 0 ? "safety" : "happy")}]\n      vars: {{ question: \"{q}\" }}\n      assertions:\n        - type: length\n          max: 2000\n"));
        feature.Write("shipgate.yaml", $"""
            version: 1
            feature:
              name: billing-help
            knowledge: [knowledge/*.md]
            prompts:
              - id: answer
                user: "Customer question: {"{{"}question{"}}"}"
            candidates:
              - id: baseline
                provider: local:extractive
                {candidateExtra}
            {moreCandidates}
            suite:
              cases:
            {cases}
            defaults:
              assertions:
                - type: grounded
            gate:
              max_safety_failures: 0
              max_hallucination_rate: 0.5
              allow_approximate_groundedness: true
            {sections}
            """);
    }
}
