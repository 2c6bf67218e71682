#pragma once

#include "mapping/MappingProfile.h"

#include <QAbstractTableModel>

#include <functional>
#include <optional>

class SourceCatalog;
class TargetCatalog;
struct TargetField;

// The rules of the mapping profile being edited, one row per rule: where the value comes from, what happens to it
// and which target field it goes to. The model owns the edited profile; the catalogues only give the labels and are
// not owned (they must outlive the model or be replaced with setCatalogs()).
//
// Drops on the target tree end here through requestMap(): with a map handler set (the editor pushes an undo command)
// the handler decides, otherwise the rule is applied directly.
class MappingRulesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column : int { SourceColumn, TransformColumn, TargetColumn, ColumnCount };
    Q_ENUM(Column)

    using MapHandler = std::function<void(const QString& source, const QString& target)>;

    explicit MappingRulesModel(QObject* parent = nullptr);

    void setProfile(const MappingProfile& profile); // model reset
    const MappingProfile& profile() const { return m_profile; }
    const QList<MappingRule>& rules() const { return m_profile.rules; }
    const MappingRule& ruleAt(int row) const { return m_profile.rules.at(row); }
    void setCatalogs(const SourceCatalog* sources, const TargetCatalog* targets);
    const SourceCatalog* sourceCatalog() const { return m_sources; }
    const TargetCatalog* targetCatalog() const { return m_targets; }

    // Maps `sourcePath` onto `targetId`: appends a rule, or replaces the source of the rule already writing that
    // target (in place, keeping its default value). The transform is the one suggested for the pair. Returns the
    // rule that was replaced.
    std::optional<MappingRule> applyMap(const QString& sourcePath, const QString& targetId);
    void applyRule(int row, const MappingRule& rule); // replaces row `row`
    void insertRuleAt(int row, const MappingRule& rule); // row == rowCount() appends
    MappingRule removeRuleAt(int row); // returns the removed rule
    int ruleForTarget(const QString& targetId) const; // row or -1

    // The editor routes drops through an undo stack; without a handler requestMap() applies the map directly.
    void setMapHandler(MapHandler handler) { m_mapHandler = std::move(handler); }
    void requestMap(const QString& sourcePath, const QString& targetId);

    // "Candidate › First name"; the path itself when the catalogue does not know it; "Constant" for no source.
    QString sourceLabel(const QString& sourcePath) const;
    QString targetLabel(const QString& targetId) const;
    // Transform::describe() plus the default; "as is" for no transform ("look up in list" when `target` is a list).
    static QString transformText(const MappingRule& rule, const TargetField* target = nullptr);
    // What a new rule from `sourcePath` to `targetId` should do with the value: list lookup into a list field, a
    // currency part out of a currency, a join of a multi-select, a date format into a date field.
    Transform suggestedTransform(const QString& sourcePath, const QString& targetId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

Q_SIGNALS:
    // Any change of the rules: reset, insert, remove or edit.
    void rulesChanged();

private:
    MappingProfile m_profile;
    const SourceCatalog* m_sources = nullptr;
    const TargetCatalog* m_targets = nullptr;
    MapHandler m_mapHandler;
};
