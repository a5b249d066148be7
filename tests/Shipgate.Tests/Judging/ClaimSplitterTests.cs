using Shipgate.Judging;

namespace Shipgate.Tests.Judging;

public sealed class ClaimSplitterTests
{
    [Fact]
    public void Split_SentencesAndListItems_SkipsFragmentsAndAdmissions()
    {
        const string output = "Refunds are possible within 14 days. Thanks!\n- Open Settings > Billing to see invoices.\nI could not find this in the documentation.";

        var claims = ClaimSplitter.Split(output);

        Assert.Equal(["Refunds are possible within 14 days.", "Open Settings > Billing to see invoices."], claims);
    }

    [Fact]
    public void SplitAll_ContextSentences_KeepsShortOnes()
    {
        Assert.Equal(["Plus only.", "Refunds within 14 days."], ClaimSplitter.SplitAll("Plus only. Refunds within 14 days."));
    }
}
