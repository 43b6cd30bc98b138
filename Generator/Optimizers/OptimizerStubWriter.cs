using NegLR.Generator.Emit;
using NegLR.Generator.Optimizers.Model;

namespace NegLR.Generator.Optimizers;

/// <summary>
/// The stand-in for a declaration that cannot be compiled: the constructor and every member a compiled optimizer could
/// have throw one exception naming the problem, so the build shows no cascade of missing members and a run fails at
/// once with the cause.
/// </summary>
internal static class OptimizerStubWriter
{
    public static void Write(CodeWriter w, OptimizerModel model, string typeName)
    {
        // Not __Fail: the [Ansatz] stub of a type that is both an ansatz and an optimizer declares that name.
        string fail = "throw __OptimizerFailure()";
        w.Line("// Why the declaration was not compiled.");
        w.Line("private static global::System.InvalidOperationException __OptimizerFailure() => " + OptimizerEmitter.Support + ".NotCompiled(" +
               Literals.String(model.DisplayName) + ", " + Literals.String(model.Failure ?? "") + ");");
        if (model.Shape == OptimizerTypeShape.StaticClass)
        {
            w.Line();
            w.Line("/// <summary>Throws: the declaration could not be compiled.</summary>");
            w.Line("/// <param name=\"parameterCount\">Unused.</param>");
            w.Line("public static global::NegLR.IOptimizer Create(int parameterCount) => " + fail + ";");
            return;
        }

        string modifiers = model.Shape == OptimizerTypeShape.Class ? "public " : "public readonly ";
        w.Line();
        w.Line("/// <summary>Throws: the declaration could not be compiled.</summary>");
        w.Line("/// <param name=\"parameterCount\">Unused.</param>");
        w.Line("public " + typeName + "(int parameterCount) => " + fail + ";");
        foreach (var m in OptimizerMembers.Union())
        {
            string declaration = OptimizerMembers.Declaration(m, modifiers);
            if (model.SharesTypeWithAnsatz && OptimizerMembers.ClashesWithAnsatz(m))
            {
                // The ansatz part owns the name; only a type that implements IOptimizer (class, struct) can take it explicitly.
                if (model.Shape == OptimizerTypeShape.RefStruct)
                {
                    continue;
                }

                declaration = OptimizerMembers.ExplicitDeclaration(m, model.Shape == OptimizerTypeShape.Class ? "" : "readonly ");
            }

            w.Line();
            w.Line(m.Doc == "/// <inheritdoc/>" && model.Shape == OptimizerTypeShape.RefStruct ? "/// <summary>Throws: the declaration could not be compiled.</summary>" : m.Doc);
            w.Line(declaration + " => " + fail + ";");
        }
    }
}
