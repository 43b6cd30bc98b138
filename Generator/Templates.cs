using System;
using System.Globalization;

namespace NegLR.Generator;

/// <summary>Records the template an [Ansatz(Template = …)] names, on the same Circuit type the runtime uses.</summary>
internal static class Templates
{
    /// <summary>
    /// The gates <paramref name="template"/> records on <paramref name="qubits"/> qubits with <paramref name="layers"/>
    /// layers, worked out without recording them: a template declared with a huge layer count is refused by its size,
    /// before it could run out of memory.
    /// </summary>
    public static long GateCount(AnsatzTemplate template, int qubits, int layers)
    {
        long l = Math.Max(0, layers), n = Math.Max(0, qubits);
        return template switch
        {
            AnsatzTemplate.HardwareEfficient => l * Math.Max(0, (3 * n) - 1),
            AnsatzTemplate.BasicEntanglerLayers => l * (n + (n == 1 ? 0 : n == 2 ? 1 : n)),
            AnsatzTemplate.StronglyEntanglingLayers => l * (n + (n > 1 ? n : 0)),
            _ => 0,
        };
    }

    /// <summary>The template's circuit; callers check <see cref="GateCount"/> against their budget first.</summary>
    public static Circuit Build(AnsatzTemplate template, int qubits, int layers)
    {
        var c = new Circuit(qubits);
        return template switch
        {
            AnsatzTemplate.HardwareEfficient => c.HardwareEfficient(layers),
            AnsatzTemplate.BasicEntanglerLayers => c.BasicEntanglerLayers(layers),
            AnsatzTemplate.StronglyEntanglingLayers => c.StronglyEntanglingLayers(layers),
            _ => c,
        };
    }

    /// <summary>
    /// The template's circuit if it has at most <paramref name="gateBudget"/> gates, else null with the reason (the same
    /// budget a [Circuit] body has, checked before anything is recorded).
    /// </summary>
    public static Circuit? TryBuild(AnsatzTemplate template, int qubits, int layers, int gateBudget, out string? problem)
    {
        long gates = GateCount(template, qubits, layers);
        if (gates > gateBudget)
        {
            problem = $"Template = {template} with Layers = {layers.ToString(CultureInfo.InvariantCulture)} on {qubits.ToString(CultureInfo.InvariantCulture)} qubits " +
                      $"records {gates.ToString("N0", CultureInfo.InvariantCulture)} gates, more than the {gateBudget.ToString("N0", CultureInfo.InvariantCulture)} " +
                      "a generated ansatz may hold; use fewer layers.";
            return null;
        }

        problem = null;
        return Build(template, qubits, layers);
    }
}
