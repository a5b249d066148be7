namespace Shipgate.Statistics;

/// <summary>
/// SplitMix64: a small, fast generator with a fixed, documented sequence for a given seed, so bootstrap intervals
/// are reproducible across .NET versions (System.Random's seeded sequence is a compatibility detail, and slower).
/// </summary>
internal struct SeededRandom(ulong seed)
{
    private ulong _state = seed;

    /// <summary>A uniform integer in [0, maxExclusive).</summary>
    public int Next(int maxExclusive)
    {
        _state += 0x9E3779B97F4A7C15UL;
        var z = _state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;

        // Multiply-shift maps 32 random bits onto the range with negligible bias for suite-sized ranges.
        return (int)(((z >> 32) * (ulong)maxExclusive) >> 32);
    }
}
