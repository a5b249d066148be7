using System.Globalization;

namespace Shipgate.Specs;

/// <summary>
/// A scalar. <see cref="Quoted"/> scalars are always strings; plain ones are resolved like the YAML core schema
/// (null, true/false, numbers) when a typed value is asked for.
/// </summary>
internal sealed record ScalarNode(string Value, bool Quoted, SourceLocation Location) : SpecNode(Location)
{
    public bool IsNull => !Quoted && Value is "" or "~" or "null" or "Null" or "NULL";

    public bool? AsBool() => Quoted ? null : Value switch
    {
        "true" or "True" or "TRUE" => true,
        "false" or "False" or "FALSE" => false,
        _ => null,
    };

    public double? AsDouble()
    {
        if (Quoted)
        {
            return null;
        }

        return double.TryParse(Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null;
    }

    /// <summary>
    /// The value as a double even when it overflows to infinity (1e400, 99999999999999999999999): lets callers report
    /// a number that is too large as out of range rather than as "not a number".
    /// </summary>
    public double? AsUnboundedDouble() =>
        !Quoted && double.TryParse(Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsNaN(d) ? d : null;

    public decimal? AsDecimal()
    {
        if (Quoted)
        {
            return null;
        }

        return decimal.TryParse(Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    public long? AsLong()
    {
        if (Quoted)
        {
            return null;
        }

        return long.TryParse(Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l : null;
    }

    public override string Describe() => IsNull ? "nothing (null)" : $"'{Value}'";
}
