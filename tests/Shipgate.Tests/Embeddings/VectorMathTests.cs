using Shipgate.Embeddings;

namespace Shipgate.Tests.Embeddings;

public sealed class VectorMathTests
{
    [Fact]
    public void Cosine_SameDirection_IsOne() => Assert.Equal(1f, VectorMath.Cosine([1f, 2f, 3f], [2f, 4f, 6f]), 5);

    [Fact]
    public void Cosine_Orthogonal_IsZero() => Assert.Equal(0f, VectorMath.Cosine([1f, 0f], [0f, 5f]), 5);

    [Fact]
    public void Cosine_Opposite_IsMinusOne() => Assert.Equal(-1f, VectorMath.Cosine([1f, -1f], [-1f, 1f]), 5);

    [Fact]
    public void Cosine_ZeroVector_IsZero() => Assert.Equal(0f, VectorMath.Cosine([0f, 0f], [1f, 1f]));

    [Fact]
    public void Cosine_DifferentLengths_Throws() => Assert.Throws<ArgumentException>(() => VectorMath.Cosine([1f], [1f, 2f]));
}
