namespace Shipgate.Suite;

/// <summary>Two texts (by index) whose embeddings are at least as similar as the threshold asked for.</summary>
internal readonly record struct SimilarPair(int First, int Second, double Cosine);
