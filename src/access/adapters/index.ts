/**
 * The adapter registry. Adding an ORM = adding a folder and one line here.
 * Order matters once: raw SQL runs last so it can resolve against the tables the ORMs declared.
 */
import type { OrmAdapter } from '../adapter.js';
import drizzle from './drizzle/index.js';
import knex from './knex/index.js';
import kysely from './kysely/index.js';
import mikroOrm from './mikro-orm/index.js';
import mongoose from './mongoose/index.js';
import prisma from './prisma/index.js';
import rawSql from './raw-sql/index.js';
import sequelize from './sequelize/index.js';
import typeorm from './typeorm/index.js';

export const adapters: readonly OrmAdapter[] = [drizzle, knex, kysely, mikroOrm, mongoose, prisma, sequelize, typeorm, rawSql];
