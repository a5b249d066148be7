namespace Shipgate.Evals;

/// <summary>A prompt with its variables filled in, exactly as sent.</summary>
internal sealed record RenderedPrompt(string? System, string User)
{
    public string Display => System is null ? User : $"[system]\n{System}\n\n[user]\n{User}";
}
