using System.ClientModel.Primitives;

namespace Shipgate.Providers;

/// <summary>A pipeline policy that edits each request before it is sent; the sync and async paths share one edit.</summary>
internal abstract class RequestRewritePolicy : PipelinePolicy
{
    public sealed override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Rewrite(message);
        ProcessNext(message, pipeline, currentIndex);
    }

    public sealed override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Rewrite(message);
        await ProcessNextAsync(message, pipeline, currentIndex).ConfigureAwait(false);
    }

    protected abstract void Rewrite(PipelineMessage message);
}
