using Shipgate.Specs;

namespace Shipgate.Tests.Specs;

public sealed class PromptRendererTests
{
    private static readonly Dictionary<string, string> Vars = new() { ["question"] = "Can I get a refund?", ["name"] = "Ana" };

    [Fact]
    public void Render_PlaceholdersWithAndWithoutSpaces_FillsEach()
    {
        var text = PromptRenderer.Render("Hi {{name}}. Q: {{ question }} ({{  name  }})", Vars);

        Assert.Equal("Hi Ana. Q: Can I get a refund? (Ana)", text);
    }

    [Fact]
    public void Render_MissingVar_ThrowsNamingVarPromptAndCase()
    {
        var e = Assert.Throws<InvalidOperationException>(() => PromptRenderer.Render("{{ product }}", Vars, "answer", "c1"));

        Assert.Equal("prompt 'answer' uses {{product}} but case 'c1' defines no var 'product'", e.Message);
    }

    [Fact]
    public void Render_TextWithoutPlaceholders_IsUnchanged()
    {
        Assert.Equal("{ not a {var} }", PromptRenderer.Render("{ not a {var} }", Vars));
    }

    [Fact]
    public void Render_VarValueContainingBraces_IsNotRenderedAgain()
    {
        var vars = new Dictionary<string, string> { ["a"] = "{{b}}", ["b"] = "x" };

        Assert.Equal("{{b}}", PromptRenderer.Render("{{a}}", vars));
    }

    [Fact]
    public void Variables_RepeatedNames_ListedOnceInOrder()
    {
        Assert.Equal(["name", "question"], PromptRenderer.Variables("{{name}} {{ question }} {{name}}"));
    }

    [Fact]
    public void Render_PromptTemplate_RendersSystemAndUser()
    {
        var prompt = new PromptTemplate("p", "You help {{name}}.", "{{question}}", SourceLocation.FileOnly("x"));
        var evalCase = new EvalCase { Id = "c", Vars = Vars };

        var (system, user) = PromptRenderer.Render(prompt, evalCase);

        Assert.Equal("You help Ana.", system);
        Assert.Equal("Can I get a refund?", user);
    }
}
