namespace Shipgate.Embeddings;

public static class VectorMath
{
    /// <summary>Cosine similarity in [-1, 1]; 0 when either vector is all zeros. Lengths must match.</summary>
    public static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"vectors differ in length ({a.Length} vs {b.Length})", nameof(b));
        }

        var dot = System.Numerics.Tensors.TensorPrimitives.Dot(a, b);
        var norms = System.Numerics.Tensors.TensorPrimitives.Norm(a) * System.Numerics.Tensors.TensorPrimitives.Norm(b);
        return norms == 0 ? 0 : Math.Clamp(dot / norms, -1f, 1f);
    }
}
