using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NegLR.Analyzers.Tests.Validation;

/// <summary>One noisy panel circuit: a hardware-efficient template with depolarizing noise after every gate.</summary>
internal sealed record NoisyPanelCircuit(int Qubits, int Layers, double P, bool Local)
{
    public string Name => string.Create(CultureInfo.InvariantCulture,
        $"Hea{Qubits}q{Layers}Lp{P:0.####E0}{(Local ? "Local" : "Global")}").Replace(".", "_").Replace("-", "m");

    public string Observable => Local ? "Z0" : string.Join(" ", Enumerable.Range(0, Qubits).Select(q => "Z" + q.ToString(CultureInfo.InvariantCulture)));

    public string Source => string.Create(CultureInfo.InvariantCulture, $$"""
        using NegLR;

        namespace Panel;

        [Ansatz(Qubits = {{Qubits}}, Template = AnsatzTemplate.HardwareEfficient, Layers = {{Layers}})]
        [Observable("{{Observable}}")]
        [Depolarizing({{P:R}})]
        public partial struct {{Name}};
        """);
}

/// <summary>
/// The noisy validation panel of NLR0304, chosen before any run: the issue's ranges (depths 1–32, p from 1e-4 to 5e-2,
/// local and global costs, 4–8 qubits), thinned where the density matrix is expensive. 4 qubits: every p of
/// {1e-4, 1e-3, 1e-2, 5e-2} at L = 1, 4, 16, 32, local and global (32 circuits); 6 qubits: p = 1e-3 and 5e-2 at L = 2,
/// 8, 32, local and global (12); 8 qubits: p = 1e-2 and 5e-2 at L = 4 and 16, local (4). Plus the decay sweep for the
/// plot: 4 qubits, cost Z0, p = 1e-3, 1e-2, 5e-2 at L = 1, 2, 4, 8, 12, 16, 24, 32.
/// </summary>
internal static class NoisePlateauPanel
{
    public static IReadOnlyList<NoisyPanelCircuit> Circuits { get; } = Build();

    public static IReadOnlyList<double> SweepP { get; } = new[] { 1e-3, 1e-2, 5e-2 };

    public static IReadOnlyList<int> SweepLayers { get; } = new[] { 1, 2, 4, 8, 12, 16, 24, 32 };

    private static List<NoisyPanelCircuit> Build()
    {
        var list = new List<NoisyPanelCircuit>();
        foreach (bool local in new[] { true, false })
        {
            foreach (double p in new[] { 1e-4, 1e-3, 1e-2, 5e-2 })
            {
                foreach (int layers in new[] { 1, 4, 16, 32 })
                {
                    list.Add(new NoisyPanelCircuit(4, layers, p, local));
                }
            }

            foreach (double p in new[] { 1e-3, 5e-2 })
            {
                foreach (int layers in new[] { 2, 8, 32 })
                {
                    list.Add(new NoisyPanelCircuit(6, layers, p, local));
                }
            }
        }

        foreach (double p in new[] { 1e-2, 5e-2 })
        {
            foreach (int layers in new[] { 4, 16 })
            {
                list.Add(new NoisyPanelCircuit(8, layers, p, true));
            }
        }

        return list;
    }
}
