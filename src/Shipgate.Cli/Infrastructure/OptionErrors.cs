using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Spectre.Console.Cli;
using OptionRange = System.ComponentModel.DataAnnotations.RangeAttribute;

namespace Shipgate.Cli.Infrastructure;

/// <summary>
/// Human messages for option values that do not convert. Spectre.Console.Cli says only
/// "Failed to convert '1e30' to Nullable`1."; this names the option, what it takes and the value given.
/// </summary>
internal static partial class OptionErrors
{
    /// <summary>The message to show for <paramref name="exception"/>: rewritten when it is a conversion failure, else its own.</summary>
    public static string Describe(CommandRuntimeException exception, IReadOnlyList<string> args)
    {
        var match = ConversionFailed().Match(exception.Message);
        if (!match.Success)
        {
            return exception.Message;
        }

        var value = match.Groups["value"].Value;
        if (FindOption(args, value) is not { } option || FindProperty(option) is not { } property)
        {
            return $"'{value}' is not a valid value here; see 'shipgate <command> --help'";
        }

        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var range = property.GetCustomAttribute<OptionRange>();
        return Expected(option, type, range?.Minimum is double min ? min : null, range?.Maximum is double max ? max : null, value);
    }

    /// <summary>"--users must be a whole number between 1 and 10,000,000,000, got '1e30'".</summary>
    public static string Expected(string option, Type type, double? min, double? max, string value)
    {
        var what = type switch
        {
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) || type == typeof(uint) || type == typeof(ulong) => "a whole number",
            _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => "a number",
            _ when type == typeof(bool) => "true or false",
            _ when type.IsEnum => "one of " + string.Join(", ", Enum.GetNames(type).Select(n => n.ToLowerInvariant())),
            _ => "a valid " + type.Name,
        };
        var bounds = (min, max) switch
        {
            ({ } a, { } b) => $" between {Number(a)} and {Number(b)}",
            ({ } a, null) => $" of at least {Number(a)}",
            (null, { } b) => $" of at most {Number(b)}",
            _ when type == typeof(int) => $" of at most {Number(int.MaxValue)}",
            _ => "",
        };
        return $"{option} must be {what}{bounds}, got '{value}'";
    }

    private static string Number(double d) => d.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>The option that carried <paramref name="value"/>: <c>--users 1e30</c>, <c>--users=1e30</c> or <c>--users:1e30</c>.</summary>
    private static string? FindOption(IReadOnlyList<string> args, string value)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == value && i > 0 && args[i - 1].StartsWith('-'))
            {
                return args[i - 1];
            }

            if (arg.StartsWith('-') && arg.IndexOfAny(['=', ':']) is > 0 and var at && arg[(at + 1)..] == value)
            {
                return arg[..at];
            }
        }

        return null;
    }

    /// <summary>The settings property behind <paramref name="option"/> (same name, same type in every command).</summary>
    private static PropertyInfo? FindProperty(string option)
    {
        var name = option.TrimStart('-');
        var longName = option.StartsWith("--", StringComparison.Ordinal);
        // A declared range wins when two commands share the option (lint and cases add both take --duplicate-threshold).
        return typeof(OptionErrors).Assembly.GetTypes()
            .Where(t => typeof(CommandSettings).IsAssignableFrom(t))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Where(p => p.PropertyType != typeof(string)
                && p.GetCustomAttribute<CommandOptionAttribute>() is { } a
                && (longName ? a.LongNames : a.ShortNames).Contains(name, StringComparer.Ordinal))
            .OrderBy(p => p.GetCustomAttribute<OptionRange>() is null)
            .FirstOrDefault();
    }

    [GeneratedRegex(@"^Failed to convert '(?<value>.*)' to (?<type>[^.]+)\.", RegexOptions.Singleline)]
    private static partial Regex ConversionFailed();
}
