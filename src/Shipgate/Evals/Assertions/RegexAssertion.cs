using System.Text.RegularExpressions;
using Shipgate.Specs;

namespace Shipgate.Evals.Assertions;

/// <summary>
/// <c>regex</c>: a .NET regex matches somewhere in the output. The pattern is compiled once per assertion and runs with a
/// match timeout, so a catastrophic pattern fails the assertion (in both forms) instead of hanging the run.
/// </summary>
internal sealed class RegexAssertion : AssertionBase
{
    /// <summary>Default match timeout; generous for real outputs, short enough that a runaway pattern is noticed.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(2);

    private readonly Regex _regex;
    private readonly TimeSpan _timeout;

    public RegexAssertion(AssertionSpec spec, TimeSpan timeout) : base(spec)
    {
        _timeout = timeout;
        try
        {
            _regex = new Regex(spec.Value ?? "", RegexOptions.Compiled | RegexOptions.CultureInvariant, timeout);
        }
        catch (ArgumentException ex)
        {
            throw new SpecException(new SpecError(spec.Location, $"invalid regex /{spec.Value}/: {ex.Message}",
                "fix the pattern; it is a .NET regular expression"));
        }
    }

    protected override ValueTask<AssertionCheck> CheckAsync(AssertionContext context, CancellationToken cancellationToken)
    {
        var pattern = $"/{AssertionText.Excerpt(_regex.ToString())}/";
        var output = context.Output;
        Match match;
        try
        {
            match = _regex.Match(output);
        }
        catch (RegexMatchTimeoutException)
        {
            return ValueTask.FromResult(AssertionCheck.Failed(
                $"regex {pattern} timed out after {_timeout.TotalMilliseconds:0} ms on {AssertionText.Chars(output.Length)} (catastrophic backtracking?); simplify the pattern"));
        }

        var check = match.Success
            ? new AssertionCheck(true, 1,
                $"regex {pattern} matched {AssertionText.Quote(match.Value)} at char {match.Index}",
                $"output matches forbidden regex {pattern}: {AssertionText.Quote(match.Value)} at char {match.Index}")
            : new AssertionCheck(false, 0,
                $"regex {pattern} found no match in {AssertionText.Chars(output.Length)}",
                $"regex {pattern} found no forbidden match in {AssertionText.Chars(output.Length)}");
        return ValueTask.FromResult(check);
    }
}
