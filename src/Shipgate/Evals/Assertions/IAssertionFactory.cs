using Shipgate.Specs;

namespace Shipgate.Evals.Assertions;

/// <summary>Builds an assertion from its spec (already validated by the spec loader).</summary>
public interface IAssertionFactory
{
    IAssertion Create(AssertionSpec spec);
}
