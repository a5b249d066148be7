using System.Diagnostics;
using System.Globalization;
using System.Text;

// Usage: HttpFloor <base-url> <requests> <concurrency>
// Sends the same chat-completion requests shipgate sends, with a bare HttpClient, and prints the wall time.
var baseUrl = args[0].TrimEnd('/');
var requests = int.Parse(args[1], CultureInfo.InvariantCulture);
var concurrency = int.Parse(args[2], CultureInfo.InvariantCulture);
using var http = new HttpClient();
var clock = Stopwatch.StartNew();
await Parallel.ForEachAsync(
    Enumerable.Range(1, requests),
    new ParallelOptions { MaxDegreeOfParallelism = concurrency },
    async (i, ct) =>
    {
        var body = $$"""{"model":"bench","messages":[{"role":"user","content":"Q: question {{i}}"}]}""";
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(baseUrl + "/chat/completions", content, ct);
        response.EnsureSuccessStatusCode();
        _ = await response.Content.ReadAsStringAsync(ct);
    });
Console.WriteLine(clock.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture));
