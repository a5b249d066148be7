namespace Shipgate.Specs;

/// <summary>The tags the framework names; any other string is a free-form tag.</summary>
public static class CaseTags
{
    public const string Happy = "happy";
    public const string Edge = "edge";
    public const string Adversarial = "adversarial";
    public const string Safety = "safety";
}
