using System.Linq;
using NegLR.Generator.Emit;
using NegLR.Generator.Model;

namespace NegLR.Generator;

public sealed partial class NegLRGenerator
{
    /// <summary>Emits the compile-time facts users and tools read: entangling depth and the cost's light cones.</summary>
    internal static class FactsEmitter
    {
        public static void Write(CodeWriter w, AnsatzSpec spec, Circuit circuit)
        {
            w.Line("/// <summary>Depth counting multi-qubit gates only (the depth barren-plateau bounds for local costs use).</summary>");
            w.Line("public const int EntanglingDepth = " + Literals.Int(circuit.EntanglingDepth) + ";");
            var visible = spec.CostLightCones.SelectMany(c => c.Weights).Distinct().ToList();
            var dead = Enumerable.Range(0, spec.WeightCount).Where(k => !visible.Contains(k)).ToList();
            w.Line("/// <summary>");
            w.Line("/// Weights outside the backward light cone of every term of the cost: they cannot change it, so their gradient is");
            w.Line("/// identically zero. Empty when every weight matters.");
            w.Line("/// </summary>");
            w.Line("public static global::System.ReadOnlySpan<int> DeadWeights => " + IntArray(dead) + ";");
            w.Line("/// <summary>For term <paramref name=\"term\"/> of the cost (in <c>Cost.Terms</c> order), the weights inside its backward light cone.</summary>");
            w.Line("/// <remarks>");
            for (int i = 0; i < spec.CostLightCones.Count; i++)
            {
                var cone = spec.CostLightCones[i];
                w.Line($"/// Term {Literals.Int(i)} ({Literals.Xml(cone.Term)}): reaches {Literals.Int(CountBits(cone.QubitMask))} qubit(s), sees {Literals.Int(cone.Weights.Count)} weight(s).<br/>");
            }

            w.Line("/// </remarks>");
            using (w.Block("public static global::System.ReadOnlySpan<int> WeightsVisibleTo(int term)"))
            {
                using (w.Block("switch (term)"))
                {
                    for (int i = 0; i < spec.CostLightCones.Count; i++)
                    {
                        w.Line("case " + Literals.Int(i) + ": return " + IntArray(spec.CostLightCones[i].Weights) + ";");
                    }

                    w.Line("default: throw new global::System.ArgumentOutOfRangeException(nameof(term), term, " +
                           Literals.String("The cost has " + Literals.Int(spec.CostLightCones.Count) + " term(s).") + ");");
                }
            }

            w.Line();
        }

        private static string IntArray(System.Collections.Generic.IEnumerable<int> values)
        {
            var list = values.ToList();
            // A constant int array converted to ReadOnlySpan<int> is static data: no allocation per call.
            return list.Count == 0 ? "default" : "new int[] { " + string.Join(", ", list.Select(Literals.Int)) + " }";
        }

        private static int CountBits(int mask)
        {
            int n = 0;
            for (; mask != 0; mask &= mask - 1)
            {
                n++;
            }

            return n;
        }
    }
}
