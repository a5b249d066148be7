using System.Text.Json.Nodes;
using Shipgate.Reports;

namespace Shipgate.Launch;

/// <summary>One framework's contribution to the launch report: its verdict and its section, already rendered.</summary>
public sealed record LaunchPart(string Name, Readiness Readiness, string Markdown, string Html, JsonNode? Json);
