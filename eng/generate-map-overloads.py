#!/usr/bin/env python3
"""Writes the typed FlowBuilder.Map overloads (src/Grains.Interfaces/Flows/FlowBuilder.Maps.cs).

One overload per shape of list node (an array, a List<T>, an IReadOnlyList<T>: what upstream tasks return, and what
a map gives), per kind of code (returns a value, or a Task of it) and per extras after the element (none, the
TaskRunContext, the CancellationToken, both: context first, token last). The element type is inferred from the list
node, so a lambda's parameter needs no type. Run it from the repository root; the file is not edited by hand.
"""
from pathlib import Path

EXTRAS = [("", [], "TaskExtras.None"), (" and the attempt's token", ["CancellationToken"], "TaskExtras.Token"),
          (" and the attempt's context", ["TaskRunContext"], "TaskExtras.Context"),
          (" and the attempt's context and token", ["TaskRunContext", "CancellationToken"], "TaskExtras.Context | TaskExtras.Token")]
LISTS = [("TIn[]", "an array"), ("List<TIn>", "a <see cref=\"List{T}\"/>"), ("IReadOnlyList<TIn>", "an <see cref=\"IReadOnlyList{T}\"/> (a map's output among them)")]
KINDS = [("TOut", "returns its output", "Done({call})"), ("Task<TOut>", "returns its output as a task", "Boxed({call})")]


def overload(list_type, list_text, returns, what, body, extra):
    extra_text, extra_types, flags = extra
    params = ["TIn"] + extra_types
    args = ", ".join(f"({t})a[{i}]!" for i, t in enumerate(params))
    return (
        f"    /// <summary>Declares a map over {list_text}: its code takes one element{extra_text} and {what}, once per element.</summary>\n"
        f"    /// <typeparam name=\"TIn\">The list's element type.</typeparam>\n"
        f"    /// <typeparam name=\"TOut\">One child's output type.</typeparam>\n"
        f"    /// <param name=\"name\">The map's name; its children are <c>name[0]</c>, <c>name[1]</c>, ….</param>\n"
        f"    /// <param name=\"function\">The code, run once per element.</param>\n"
        f"    /// <param name=\"list\">A task, a map or a parameter of this flow whose value is the list.</param>\n"
        f"    /// <param name=\"options\">Every child's options (trigger: the map's own, against its list's task); <see cref=\"TaskOptions.Default\"/> when <see langword=\"null\"/>.</param>\n"
        f"    /// <returns>The map, whose value is the list of the children's outputs.</returns>\n"
        f"    /// <exception cref=\"ArgumentException\">The name is invalid or taken, or the list is a constant, a gathered list or another flow's.</exception>\n"
        f"    public MappedNode<TOut> Map<TIn, TOut>(\n"
        f"        string name, Func<{', '.join(params + [returns])}> function, Node<{list_type}> list, TaskOptions? options = null) =>\n"
        f"        AddMap<TIn, TOut>(name, function, options, {flags}, a => {body.format(call=f'function({args})')}, list);\n")


parts = [overload(lt, ltext, r, what, body, extra) for lt, ltext in LISTS for r, what, body in KINDS for extra in EXTRAS]
text = ("// Written by eng/generate-map-overloads.py: change the script and run it again, not this file.\n"
        "namespace Tributary.Flows;\n\n"
        "/// <summary>The typed map overloads.</summary>\n"
        "public sealed partial class FlowBuilder\n{\n" + "\n".join(parts) + "}\n")
(Path(__file__).resolve().parent.parent / "src" / "Grains.Interfaces" / "Flows" / "FlowBuilder.Maps.cs").write_text(text)
