namespace Shipgate.Judging;

/// <summary>A figure stated in a text: its value (<c>14</c>, <c>5-10</c>), unit (<c>day</c>, <c>$/month</c>, <c>%</c>, empty when bare) and the words as written.</summary>
internal sealed record Quantity(string Value, string Unit, string Text);
