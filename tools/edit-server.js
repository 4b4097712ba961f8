#!/usr/bin/env node
// The browser editor's local backend for `make edit` and the tests: Decap's own decap-server
// (git mode: a draft is a branch cms/<collection>/<slug>, publishing merges it into the branch you
// have checked out), listening on 127.0.0.1 only, so nobody else on the network can write files.
//   GIT_REPO_DIRECTORY  the checkout (default: the current folder)
//   CMS_PORT            port (default 8081)
'use strict';
const { execFileSync } = require('child_process');
const path = require('path');
const express = require('express');
const { registerLocalGit } = require('decap-server/dist/middlewares');

const repo = path.resolve(process.env.GIT_REPO_DIRECTORY || process.cwd());
process.env.GIT_REPO_DIRECTORY = repo;
const port = Number(process.env.CMS_PORT || 8081);

function git(...args) {
  return execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
}

function fail(message) {
  console.error(`*** ${message}`);
  process.exit(1);
}

let branch;
try {
  branch = git('symbolic-ref', '--short', 'HEAD');
} catch (e) {
  fail(`${repo} ei ole git-työkopio, jossa on haara (ei irrallista HEADia). / Not a git checkout on a branch.`);
}
// decap-server commits with `git add .`: uncommitted changes would end up in the editor's commits
const dirty = git('status', '--porcelain');
if (dirty) {
  fail('Työkopiossa on tallentamattomia muutoksia, jotka selainmuokkain veisi omiin committeihinsa:\n' +
    dirty.split('\n').slice(0, 20).join('\n') +
    '\nTee niistä commit tai siirrä ne syrjään (git stash) ja käynnistä uudelleen. / Commit or stash first.');
}

const app = express();
app.use(express.json({ limit: '50mb' }));
// The editor's config names the production branch; locally the editor works on the checked-out one.
app.use((req, res, next) => {
  if (req.body && req.body.params && typeof req.body.params === 'object' && 'branch' in req.body.params) {
    req.body.params.branch = branch;
  }
  next();
});

registerLocalGit(app, { logLevel: process.env.LOG_LEVEL || 'warn' }).then(() => {
  app.listen(port, '127.0.0.1', () => {
    console.log(`Selainmuokkaimen tallennuspalvelu: http://127.0.0.1:${port}/api/v1 (haara ${branch}, ${repo})`);
  });
});
