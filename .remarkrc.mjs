// Front matter checked against schemas/*.schema.json while typing, in VS Code with the
// "remark" extension (unifiedjs.vscode-remark) after `npm install`, or on the command line
// with `npx remark --quiet --frail blog events docs/alueet`. The schemas are generated from
// the site's own field tables (`python -m muutostuki schemas`); `python -m muutostuki check`
// remains the full check (authors, events, links and more).
import remarkFrontmatter from 'remark-frontmatter';
import remarkLintFrontmatterSchema from 'remark-lint-frontmatter-schema';

export default {
  plugins: [
    remarkFrontmatter,
    [remarkLintFrontmatterSchema, {
      schemas: {
        './schemas/post.schema.json': ['./blog/**/*.md'],
        './schemas/event.schema.json': ['./events/**/*.md'],
        './schemas/region.schema.json': ['./docs/alueet/!(index).md'],
      },
    }],
  ],
};
