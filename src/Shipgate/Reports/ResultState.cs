namespace Shipgate.Reports;

/// <summary>How one result is shown: passed, failed an assertion, or ended in a provider error.</summary>
internal enum ResultState
{
    Pass,
    Fail,
    Error,
}
