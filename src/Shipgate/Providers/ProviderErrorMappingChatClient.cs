using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Shipgate.Providers;

/// <summary>
/// Innermost wrapper around an SDK chat client: every failure leaves as a <see cref="ProviderException"/>, except
/// the caller's own cancellation, which propagates unchanged. Cancellation that the caller did not ask for
/// (the SDK's network timeout) becomes <see cref="ProviderErrorKind.Timeout"/>.
/// </summary>
internal sealed class ProviderErrorMappingChatClient(IChatClient inner, string providerId, string? keyHint, TimeProvider time)
    : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var scope = ResponseHeaderCapture.Begin();
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!IsCallerCancellation(ex, cancellationToken))
        {
            throw Translate(ex, scope, cancellationToken);
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var scope = ResponseHeaderCapture.Begin();
        IAsyncEnumerator<ChatResponseUpdate> enumerator;
        try
        {
            enumerator = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        }
        catch (Exception ex) when (!IsCallerCancellation(ex, cancellationToken))
        {
            throw Translate(ex, scope, cancellationToken);
        }

        await using (enumerator.ConfigureAwait(false))
        {
            while (true)
            {
                bool moved;
                try
                {
                    moved = await enumerator.MoveNextAsync().ConfigureAwait(false);
                }
                catch (Exception ex) when (!IsCallerCancellation(ex, cancellationToken))
                {
                    throw Translate(ex, scope, cancellationToken);
                }

                if (!moved)
                {
                    yield break;
                }

                yield return enumerator.Current;
            }
        }
    }

    private static bool IsCallerCancellation(Exception ex, CancellationToken ct) => ex is OperationCanceledException && ct.IsCancellationRequested;

    /// <summary>Once the caller has cancelled, any SDK wrapper around that cancellation is reported as cancellation.</summary>
    private Exception Translate(Exception ex, ResponseHeaderCapture.Scope scope, CancellationToken ct) =>
        ct.IsCancellationRequested
            ? new OperationCanceledException("The provider call was cancelled.", ex, ct)
            : ProviderErrorMapper.Map(providerId, ex, scope, keyHint, time.GetUtcNow());
}
