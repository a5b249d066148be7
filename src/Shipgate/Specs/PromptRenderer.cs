using System.Text.RegularExpressions;

namespace Shipgate.Specs;

/// <summary>Fills <c>{{ var }}</c> placeholders (whitespace inside the braces is allowed) from a case's vars.</summary>
internal static partial class PromptRenderer
{
    /// <summary>The distinct variable names a template uses, in order of first use.</summary>
    public static IReadOnlyList<string> Variables(string? template)
    {
        if (string.IsNullOrEmpty(template))
        {
            return [];
        }

        var names = new List<string>();
        foreach (Match m in Placeholder().Matches(template))
        {
            var name = m.Groups["name"].Value;
            if (!names.Contains(name, StringComparer.Ordinal))
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <exception cref="InvalidOperationException">The template uses a variable the vars do not define.</exception>
    public static string Render(string template, IReadOnlyDictionary<string, string> vars, string? promptId = null, string? caseId = null) =>
        Placeholder().Replace(template, m =>
        {
            var name = m.Groups["name"].Value;
            if (vars.TryGetValue(name, out var value))
            {
                return value;
            }

            var prompt = promptId is null ? "the prompt" : $"prompt '{promptId}'";
            var owner = caseId is null ? "the vars" : $"case '{caseId}'";
            throw new InvalidOperationException($"{prompt} uses {{{{{name}}}}} but {owner} defines no var '{name}'");
        });

    /// <summary>Renders a prompt's system and user text for a case.</summary>
    public static (string? System, string User) Render(PromptTemplate prompt, EvalCase evalCase) =>
        (prompt.System is null ? null : Render(prompt.System, evalCase.Vars, prompt.Id, evalCase.Id),
         Render(prompt.User, evalCase.Vars, prompt.Id, evalCase.Id));

    [GeneratedRegex(@"\{\{\s*(?<name>[A-Za-z_][A-Za-z0-9_.-]*)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
