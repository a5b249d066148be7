using Shipgate.Specs;

namespace Shipgate.Evals.Assertions;

/// <summary><c>is-json</c>: the output (or its single fenced <c>```json</c> block) parses as JSON.</summary>
internal sealed class IsJsonAssertion : AssertionBase
{
    public IsJsonAssertion(AssertionSpec spec) : base(spec)
    {
    }

    protected override ValueTask<AssertionCheck> CheckAsync(AssertionContext context, CancellationToken cancellationToken)
    {
        if (JsonOutput.TryParse(context.Output, out var document, out var source, out var error))
        {
            using (document)
            {
                return ValueTask.FromResult(new AssertionCheck(true, 1,
                    $"valid JSON {document!.RootElement.ValueKind.ToString().ToLowerInvariant()} (parsed the {source})",
                    $"output is JSON (parsed the {source}), which {Spec.DisplayType} forbids"));
            }
        }

        return ValueTask.FromResult(new AssertionCheck(false, 0, error, $"output is not JSON, as {Spec.DisplayType} requires ({error})"));
    }
}
