using Microsoft.Extensions.AI;
using Shipgate.Specs;

namespace Shipgate.Providers;

/// <summary>
/// Turns a candidate's provider id into an <see cref="IChatClient"/>. Clients throw <see cref="ProviderException"/>
/// for failures (SDK-level retries are off: the runner owns retries so it can count them and honour Retry-After).
/// </summary>
public interface IProviderFactory
{
    IChatClient Create(CandidateSpec candidate, FeatureSpec feature);
}
