namespace Shipgate.Testing;

/// <summary>
/// The stub's deterministic token count: one token per whitespace-separated word (at least 1 for non-empty text).
/// Not a real tokenizer on purpose: tests can compute expected usage by hand.
/// </summary>
public static class StubTokenCounter
{
    public static long Count(string text)
    {
        long count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                inWord = false;
            }
            else if (!inWord)
            {
                inWord = true;
                count++;
            }
        }

        return count;
    }

    public static long Count(IReadOnlyList<StubMessage> messages)
    {
        long total = 0;
        foreach (var m in messages)
        {
            total += Count(m.Content);
        }

        return total;
    }
}
