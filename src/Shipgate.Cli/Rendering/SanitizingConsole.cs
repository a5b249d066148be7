using Shipgate.Specs;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Shipgate.Cli.Rendering;

/// <summary>
/// The console every command writes to. Spec values (ids, names, descriptions, model outputs) reach the terminal
/// through many renderers; escaping markup is not enough, since an ESC or BEL inside a value would still drive the
/// terminal. This wrapper rewrites control characters in every text segment as <c>\x1B</c>-style escapes, so no
/// renderer has to remember to. Spectre's own control codes (cursor moves of live displays) pass untouched.
/// </summary>
internal sealed class SanitizingConsole(IAnsiConsole inner) : IAnsiConsole
{
    public Profile Profile => inner.Profile;

    public IAnsiConsoleCursor Cursor => inner.Cursor;

    public IAnsiConsoleInput Input => inner.Input;

    public IExclusivityMode ExclusivityMode => inner.ExclusivityMode;

    public RenderPipeline Pipeline => inner.Pipeline;

    public void Clear(bool home) => inner.Clear(home);

    public void Write(IRenderable renderable) => inner.Write(new Sanitized(renderable));

    /// <summary>Raw ANSI written by Spectre itself (live displays); it carries no spec text.</summary>
    public void WriteAnsi(Action<AnsiWriter> action) => inner.WriteAnsi(action);

    /// <summary>A renderable whose text segments have their control characters escaped.</summary>
    private sealed class Sanitized(IRenderable inner) : IRenderable
    {
        public Measurement Measure(RenderOptions options, int maxWidth) => inner.Measure(options, maxWidth);

        public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
        {
            foreach (var segment in inner.Render(options, maxWidth))
            {
                yield return segment.IsControlCode || segment.IsLineBreak || ControlCharacters.IndexOfUnsafe(segment.Text) < 0
                    ? segment
                    : new Segment(ControlCharacters.Escape(segment.Text), segment.Style);
            }
        }
    }
}
