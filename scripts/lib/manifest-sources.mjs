// What the source says about events and parts, for the manifest plugin (custom-elements-manifest.config.mjs)
// and the manifest check (scripts/manifest-check.mjs): read with the TypeScript parser, not guessed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

function parse(file) {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

/**
 * Every event class in `src/events/`: class name → `{ eventName, module }`, from
 * `static readonly eventName = 'kring-…'`.
 */
export function readEventClasses(root) {
  const dir = join(root, 'src', 'events');
  const classes = new Map();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
    const path = join(dir, file);
    parse(path).forEachChild((node) => {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      for (const member of node.members) {
        const isEventName =
          ts.isPropertyDeclaration(member) &&
          member.name.getText() === 'eventName' &&
          member.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword);
        if (isEventName && member.initializer && ts.isStringLiteralLike(member.initializer)) {
          classes.set(node.name.text, {
            eventName: member.initializer.text,
            module: relative(root, path).split('\\').join('/'),
          });
        }
      }
    });
  }
  return classes;
}

/** The `part` names written literally in the lit templates under `node` (`part="a b"`). */
function addLiteralParts(node, parts) {
  const visit = (child) => {
    if (ts.isTaggedTemplateExpression(child) && child.tag.getText() === 'html') {
      for (const match of child.template.getText().matchAll(/\spart="([^"$]*)"/g)) {
        for (const name of match[1].split(/\s+/).filter(Boolean)) parts.add(name);
      }
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
}

function resolveRelative(file, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const target = resolve(dirname(file), specifier.replace(/\.js$/, '.ts'));
  return existsSync(target) ? target : undefined;
}

/** A module's top-level declarations and where its imported and re-exported names come from. */
function moduleInfo(file, cache) {
  if (cache.has(file)) return cache.get(file);
  const source = parse(file);
  const info = { source, declarations: new Map(), imports: new Map(), reexports: new Map(), starExports: [] };
  cache.set(file, info);
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const target = resolveRelative(file, statement.moduleSpecifier.text);
      // Type-only imports render nothing.
      if (!clause || clause.isTypeOnly || !target) continue;
      if (clause.name) info.imports.set(clause.name.text, { file: target, name: 'default' });
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings))
        info.imports.set(bindings.name.text, { file: target, name: '*' });
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          if (element.isTypeOnly) continue;
          const imported = (element.propertyName ?? element.name).text;
          info.imports.set(element.name.text, { file: target, name: imported });
        }
      }
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier) {
      const target = resolveRelative(file, statement.moduleSpecifier.text);
      if (!target || statement.isTypeOnly) continue;
      if (!statement.exportClause) info.starExports.push(target);
      else if (ts.isNamedExports(statement.exportClause)) {
        for (const element of statement.exportClause.elements) {
          info.reexports.set(element.name.text, {
            file: target,
            name: (element.propertyName ?? element.name).text,
          });
        }
      }
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
      info.declarations.set(statement.name.text, statement);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) info.declarations.set(declaration.name.text, declaration);
      }
    }
  }
  return info;
}

/**
 * What an element's code can render and fire: the parts in the templates of its class and of every
 * function, constant or base class it uses, followed through imports by name (so an element that
 * imports one renderer from another element's folder answers only for that renderer's parts), and
 * the classes it constructs (`new KringKudosSentEvent(…)`). Parts given through an expression
 * (`part=${name}`) are not seen. Returns `{ parts, constructed }`: part or class name → the module
 * that has it. `cache` may be shared between calls for the same sources.
 */
export function elementReach(root, elementModule, className, cache = new Map()) {
  const seen = new Set();
  const found = new Map();
  const constructed = new Map();
  const collect = (file, name) => {
    const key = `${file}#${name}`;
    if (seen.has(key)) return;
    seen.add(key);
    const info = moduleInfo(file, cache);
    if (name === '*') {
      for (const declared of info.declarations.keys()) collect(file, declared);
      return;
    }
    const node = info.declarations.get(name);
    if (!node) {
      const reexport = info.reexports.get(name);
      if (reexport) collect(reexport.file, reexport.name);
      for (const star of info.starExports) collect(star, name);
      return;
    }
    const parts = new Set();
    addLiteralParts(node, parts);
    for (const part of parts) {
      if (!found.has(part)) found.set(part, relative(root, file).split('\\').join('/'));
    }
    const visit = (child) => {
      if (ts.isNewExpression(child) && ts.isIdentifier(child.expression)) {
        const constructedName = imported(info, child.expression.text)?.name ?? child.expression.text;
        if (!constructed.has(constructedName))
          constructed.set(constructedName, relative(root, file).split('\\').join('/'));
      }
      if (ts.isIdentifier(child) && child.text !== name) {
        if (info.declarations.has(child.text)) collect(file, child.text);
        const imported = info.imports.get(child.text);
        if (imported) collect(imported.file, imported.name);
      }
      ts.forEachChild(child, visit);
    };
    visit(node);
  };
  collect(resolve(root, elementModule), className);
  return { parts: found, constructed };
}

function imported(info, localName) {
  return info.imports.get(localName);
}
