/** Inputs of the organization mutations: the declared fields (organization.fields.ts), with their rules. */
import { InputType } from 'type-graphql';
import { createInputBase, CreateInputFields, updateInputBase, UpdateInputFields } from '../shared/record-fields/input-fields';
import { organizationFields } from './organization.fields';

@InputType({ description: 'Fields to change; those left out stay as they are, null clears an optional field.' })
@UpdateInputFields(organizationFields)
export class OrganizationUpdateInput extends updateInputBase(organizationFields) {}

@InputType({ description: 'A new organization.' })
@CreateInputFields(organizationFields)
export class OrganizationCreateInput extends createInputBase(OrganizationUpdateInput, organizationFields) {}
