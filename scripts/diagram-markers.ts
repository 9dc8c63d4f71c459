export const README_BEGIN = '<!-- case-machine-diagram:begin -->';
export const README_END = '<!-- case-machine-diagram:end -->';

/** The README with the diagram block between the markers replaced by `diagram`. */
export function withDiagram(readme: string, diagram: string): string {
  const start = readme.indexOf(README_BEGIN);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the ${README_BEGIN} … ${README_END} markers`);
  return `${readme.slice(0, start + README_BEGIN.length)}\n\`\`\`mermaid\n${diagram}\`\`\`\n${readme.slice(end)}`;
}
