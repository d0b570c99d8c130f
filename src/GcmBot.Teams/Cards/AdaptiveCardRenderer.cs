using System.Text.Json.Nodes;
using GcmBot.Core.Domain;
using GcmBot.Core.Localisation;
using GcmBot.Core.Replies;

namespace GcmBot.Teams.Cards;

/// <summary>
/// Renders a channel-neutral reply as an Adaptive Card 1.5 (the version Teams supports): title, text,
/// facts, list rows, buttons (Action.Submit carrying the command) and forms (Input.Text fields).
/// </summary>
internal static class AdaptiveCardRenderer
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>Plain text is enough for a reply with nothing but text.</summary>
    public static bool IsSimple(Reply reply) =>
        reply.Title is null && reply.Facts.Count == 0 && reply.Items.Count == 0 && reply.Actions.Count == 0
        && reply.Form is null && reply.Attachment is null;

    /// <param name="download">Where the reply's file can be downloaded, when it has one.</param>
    public static JsonObject Render(Reply reply, Uri? download)
    {
        var body = new JsonArray();
        if (reply.Title is { Length: > 0 } title)
        {
            body.Add(Text(title, ("weight", "Bolder"), ("size", "Medium")));
        }

        if (reply.Text.Length > 0)
        {
            foreach (var block in CardMarkdown.Blocks(reply.Text, (text, heading) =>
                heading ? Text(text, ("weight", "Bolder"), ("spacing", "Medium"))
                : reply.IsError ? Text(text, ("color", "Attention"))
                : Text(text)))
            {
                body.Add(block);
            }
        }

        if (reply.Facts.Count > 0)
        {
            body.Add(new JsonObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JsonArray([.. reply.Facts.Select(f => (JsonNode)new JsonObject { ["title"] = CardMarkdown.Inline(f.Label), ["value"] = CardMarkdown.Inline(f.Value) })]),
            });
        }

        var texts = Texts.For(reply.Language);

        // Segment headings only when the list has more than one segment.
        var headed = reply.Items.Select(i => i.Segment).Distinct().Count() > 1;
        Segment? segment = null;
        foreach (var item in reply.Items)
        {
            if (headed && item.Segment is { } current && current != segment)
            {
                body.Add(Text(texts.Format($"Web.Segment.{current}"), ("weight", "Bolder"), ("isSubtle", true), ("spacing", "Medium")));
                segment = current;
            }

            body.Add(Row(item));
        }

        var actions = new JsonArray();
        if (reply.Form is { } form)
        {
            body.Add(Text(form.Title, ("weight", "Bolder"), ("spacing", "Medium")));
            foreach (var field in form.Fields)
            {
                body.Add(Input(field));
            }

            actions.Add(Submit(form.SubmitLabel, new JsonObject { [CardData.FormKey] = form.Command }, ActionStyle.Primary));
        }

        foreach (var action in reply.Actions)
        {
            actions.Add(Submit(action.Label, new JsonObject { [CardData.CommandKey] = action.Command }, action.Style));
        }

        if (reply.Attachment is { } file && download is not null)
        {
            body.Add(Text(texts.Format("Teams.FileSize", file.FileName, file.Content.Length), ("isSubtle", true)));
            actions.Add(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = texts.Format("Web.Download", file.FileName), ["url"] = download.AbsoluteUri });
        }

        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = body,
        };
        if (actions.Count > 0)
        {
            card["actions"] = actions;
        }

        return card;
    }

    private static JsonObject Text(string text, params (string Key, JsonNode Value)[] properties)
    {
        // Card Markdown starts a new line only at a blank line; replies separate their lines with one newline.
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = CardMarkdown.Inline(text).Replace("\n", "\n\n", StringComparison.Ordinal), ["wrap"] = true };
        foreach (var (key, value) in properties)
        {
            block[key] = value;
        }

        return block;
    }


    /// <summary>A numbered row; the detail goes under the label, so long details (card texts) keep the full width.</summary>
    private static JsonObject Row(ListItem item)
    {
        var content = new JsonArray { Text(item.Label, ("weight", "Bolder")) };
        if (item.Detail.Length > 0)
        {
            content.Add(Text(item.Detail, ("isSubtle", true), ("spacing", "None")));
        }

        return new JsonObject
        {
            ["type"] = "ColumnSet",
            ["spacing"] = "Small",
            ["columns"] = new JsonArray
            {
                new JsonObject { ["type"] = "Column", ["width"] = "auto", ["items"] = new JsonArray(Text($"{item.Position}.", ("isSubtle", true))) },
                new JsonObject { ["type"] = "Column", ["width"] = "stretch", ["items"] = content },
            },
        };
    }

    private static JsonObject Input(FormField field)
    {
        var input = new JsonObject
        {
            ["type"] = "Input.Text",
            ["id"] = field.Name,
            ["label"] = field.Label,
            ["isMultiline"] = field.Multiline,
            ["isRequired"] = field.Required,
            ["maxLength"] = field.MaxLength,
        };
        if (field.Required)
        {
            input["errorMessage"] = $"{field.Label} is required.";
        }

        if (field.Value is { } value)
        {
            input["value"] = value;
        }

        return input;
    }

    private static JsonObject Submit(string title, JsonObject data, ActionStyle style)
    {
        var action = new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = data };
        if (style != ActionStyle.Secondary)
        {
            action["style"] = style == ActionStyle.Danger ? "destructive" : "positive";
        }

        return action;
    }

    /// <summary>
    /// For plain-text messages: Teams renders some HTML in message text, so angle brackets are escaped and user
    /// text is shown, not interpreted. (Card text takes no HTML; a Teams mention always needs an entity.)
    /// </summary>
    public static string EscapeMessage(string text) => EscapeHtml(CardMarkdown.Message(text));

    /// <summary>
    /// Only what HTML would read as markup: letters outside ASCII stay as they are (an entity for each accented or
    /// Chinese letter would take six to eight times the room in Teams' 40 KB).
    /// </summary>
    public static string EscapeHtml(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
